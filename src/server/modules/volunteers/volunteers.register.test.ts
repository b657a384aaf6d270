import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhone, makeRegions, makeResidentId, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { toNumber } from '../../db/database.js';
import { isVolunteerCode } from './volunteer-code.js';
import { freezeClock } from '../../../../test/clock.js';
import { smsCode } from '../../../../test/sms.js';

let address = 0;
const REGISTRATIONS = ['/api/v1/volunteers', '/api/v1/residents'];

/**
 * Each registration from its own address, so the per-address limit stays out of the way. A
 * registration without a code gets one sent to its phone first, as the web app does (a phone
 * that got none, being registered already, sends a code it guessed).
 */
const post = async (t: TestApp, url: string, payload: unknown, headers: Record<string, string> = {}) => {
  let p = payload;
  if (REGISTRATIONS.includes(url) && p && typeof p === 'object' && !('verificationCode' in p)) {
    const phone = (p as { phone?: unknown }).phone;
    p = { ...p, verificationCode: (typeof phone === 'string' ? await smsCode(t, phone) : null) ?? '000000' };
  }
  return t.app.inject({
    method: 'POST',
    url,
    payload: p as string,
    headers,
    remoteAddress: `10.1.${Math.floor(++address / 250)}.${address % 250}`,
  });
};

const body = (o: Record<string, unknown> = {}) => ({
  name: '李志愿',
  idType: 'resident_id',
  idNumber: makeResidentId('1990-03-07'),
  phone: makePhone(),
  password: PASSWORD,
  regionCode: REGIONS.jiefangbei,
  skills: ['急救'],
  fields: ['ecology'],
  ...o,
});

describe.each(DIALECTS)('volunteer registration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = t.tdb.db;
    const n = async (table: 'users' | 'volunteers' | 'role_grants' | 'audit_log') =>
      toNumber(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      users: await n('users'),
      volunteers: await n('volunteers'),
      grants: await n('role_grants'),
      audit: await n('audit_log'),
    };
  };

  it('registers a volunteer with masked data, derived facts and zero balances', async () => {
    const b = body({ availability: [{ day: 6, from: '09:00', to: '12:00' }] });
    const res = await post(t, '/api/v1/volunteers', b);
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      name: '李志愿',
      idType: 'resident_id',
      idNumber: `5${'*'.repeat(16)}${b.idNumber.slice(-1)}`,
      birthYear: 1990,
      gender: Number(b.idNumber[16]) % 2 === 1 ? 'male' : 'female',
      phone: `139****${b.phone.slice(-4)}`,
      regionCode: REGIONS.jiefangbei,
      skills: ['急救'],
      fields: ['ecology'],
      availability: [{ day: 6, from: '09:00', to: '12:00' }],
      status: 'active',
      hours: 0,
      starLevel: 0,
      pointsBalance: 0,
    });
    expect(isVolunteerCode(v.volunteerCode)).toBe(true);
    expect(v.volunteerCode).not.toContain(b.idNumber.slice(-6));

    const grants = await t.tdb.db.selectFrom('role_grants').selectAll().where('user_id', '=', v.userId).execute();
    expect(grants.map((g) => [g.role, g.scope_type, g.scope_id])).toEqual([['volunteer', 'system', 'system']]);
    const audit = await t.tdb.db.selectFrom('audit_log').selectAll().where('entity_id', '=', v.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['volunteer.register']);
  });

  it('stores the ID number and phone encrypted, never in plain text', async () => {
    const b = body();
    const v = (await post(t, '/api/v1/volunteers', b)).json();
    const row = await t.tdb.db.selectFrom('volunteers').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
    const user = await t.tdb.db.selectFrom('users').selectAll().where('id', '=', v.userId).executeTakeFirstOrThrow();
    const stored = JSON.stringify([row, user]);
    expect(stored).not.toContain(b.idNumber);
    expect(stored).not.toContain(b.phone);
    expect(t.app.ctx.cipher.decrypt(row.id_number_enc)).toBe(b.idNumber);
    expect(t.app.ctx.cipher.decrypt(user.phone_enc ?? '')).toBe(b.phone);
  });

  it('lets the new volunteer log in with the phone and with the volunteer code', async () => {
    const b = body();
    const v = (await post(t, '/api/v1/volunteers', b)).json();
    const byPhone = await new Client(t.app).login(b.phone, PASSWORD);
    expect((await byPhone.get('/api/v1/me')).json()).toMatchObject({
      user: { volunteerId: v.id, volunteerCode: v.volunteerCode },
      roles: [{ role: 'volunteer', scopeType: 'system', scopeId: 'system' }],
    });
    const byCode = await new Client(t.app).login(v.volunteerCode.toLowerCase(), PASSWORD);
    expect((await byCode.get(`/api/v1/volunteers/${v.id}`)).json()).toMatchObject({ id: v.id });
  });

  it('accepts other ID documents by format, with no derived birth date', async () => {
    const res = await post(t, '/api/v1/volunteers', body({ idType: 'passport', idNumber: 'e12345678' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ idNumber: 'E*******8', birthYear: null, gender: null, status: 'active' });
  });

  it.each([
    ['a wrong check digit', { idNumber: '500103199003071238' }, 'idNumber', 'check digit'],
    ['an impossible birth date', { idNumber: '500103199902301237' }, 'idNumber', 'not a real date'],
    ['a birth date in the future', { idNumber: '500103209912311232' }, 'idNumber', 'future'],
    ['a malformed permit', { idType: 'hk_macao_permit', idNumber: 'X1234' }, 'idNumber', 'H or M'],
    ['a landline', { phone: '02363881234' }, 'phone', 'mainland mobile'],
    ['an unknown ID type', { idType: 'driving_licence' }, 'idType', ''],
    ['a missing name', { name: undefined }, 'name', ''],
    ['an over-long name', { name: '名'.repeat(51) }, 'name', ''],
    ['an over-long skill', { skills: ['x'.repeat(41)] }, 'skills', ''],
    ['too many skills', { skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }, 'skills', ''],
    ['an unknown field', { nickname: 'x' }, 'nickname', 'unknown field'],
    ['a real-name field smuggled in', { status: 'active' }, 'status', 'unknown field'],
    ['a slot ending before it starts', { availability: [{ day: 1, from: '10:00', to: '09:00' }] }, 'availability', ''],
  ])('refuses %s with 400 naming the field and writes nothing', async (_what, o, field, words) => {
    const before = await counts();
    const res = await post(t, '/api/v1/volunteers', body(o));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    expect(res.json().error.message).toContain(field);
    expect(res.json().error.message).toContain(words);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown region or service field with 422 and writes nothing', async () => {
    const before = await counts();
    const region = await post(t, '/api/v1/volunteers', body({ regionCode: '999999' }));
    expect(region.statusCode).toBe(422);
    expect(region.json().error.message).toContain('regionCode');
    const field = await post(t, '/api/v1/volunteers', body({ fields: ['astrology'] }));
    expect(field.statusCode).toBe(422);
    expect(field.json().error.message).toContain('fields');
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate ID number (also in lower case) with 409 that does not repeat it', async () => {
    const idNumber = makeResidentId('1985-01-01');
    expect((await post(t, '/api/v1/volunteers', body({ idNumber }))).statusCode).toBe(201);
    const before = await counts();
    for (const again of [idNumber, idNumber.toLowerCase()]) {
      const res = await post(t, '/api/v1/volunteers', body({ idNumber: again }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('DUPLICATE');
      expect(res.json().error.message).toContain('idNumber');
      expect(res.body).not.toContain(idNumber.slice(0, 17));
    }
    // The same text under another document type is another document.
    const other = await post(t, '/api/v1/volunteers', body({ idType: 'passport', idNumber: 'G1985010100' }));
    expect(other.statusCode).toBe(201);
    expect(await counts()).not.toEqual(before);
  });

  it('lets exactly one of several simultaneous registrations of one ID number through', async () => {
    const idNumber = makeResidentId('1979-09-09');
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post(t, '/api/v1/volunteers', body({ idNumber }))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.message).toContain('idNumber');
    const after = await counts();
    expect(after.users - before.users).toBe(1);
    expect(after.volunteers - before.volunteers).toBe(1);
    expect(after.grants - before.grants).toBe(1);
  });

  it('answers a registered phone as it answers a wrong code, tells its owner by SMS, and writes nothing', async () => {
    const phone = makePhone();
    expect((await post(t, '/api/v1/volunteers', body({ phone }))).statusCode).toBe(201);
    const before = await counts();
    // A minute later (one code a minute per phone), asked for a code, a registered phone gets a
    // text telling its owner to log in, and no code.
    const clock = freezeClock();
    clock.advance(61_000);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verification-codes',
      payload: { phone, purpose: 'register' },
      remoteAddress: '10.77.0.1',
    });
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verification-codes',
      payload: { phone: makePhone(), purpose: 'register' },
      remoteAddress: '10.77.0.2',
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.body).toBe(fresh.body);
    expect(t.sms.to(phone).at(-1)).toContain('已注册');
    expect(t.sms.lastCode(phone)).toBeNull();
    clock.restore();
    for (const url of ['/api/v1/volunteers', '/api/v1/residents']) {
      const payload =
        url === '/api/v1/volunteers'
          ? body({ phone, verificationCode: '123456' })
          : { name: '王', phone, password: PASSWORD, regionCode: REGIONS.yuzhong, verificationCode: '123456' };
      const res = await post(t, url, payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'VERIFICATION_FAILED',
        details: { field: 'body.verificationCode' },
      });
      expect(res.body).not.toContain(phone);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers a registered ID and a registered phone alike until the phone is proved, then names the account', async () => {
    const idNumber = makeResidentId('1988-08-08');
    const phone = makePhone();
    expect((await post(t, '/api/v1/volunteers', body({ idNumber, phone }))).statusCode).toBe(201);
    // Unproved: an old ID with a fresh phone and a fresh ID with an old phone answer the same.
    const oldId = await post(t, '/api/v1/volunteers', body({ idNumber, verificationCode: '000000' }));
    const oldPhone = await post(t, '/api/v1/volunteers', body({ phone, verificationCode: '000000' }));
    expect([oldId.statusCode, oldPhone.statusCode]).toEqual([422, 422]);
    expect(oldId.json()).toEqual(oldPhone.json());
    // Proved: the ID is named with the masked phone of the account that holds it.
    const proved = await post(t, '/api/v1/volunteers', body({ idNumber }));
    expect(proved.statusCode).toBe(409);
    expect(proved.json().error.message).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(proved.body).not.toContain(phone);
  });

  it('lets a code be guessed five times, used once, and asked for once a minute', async () => {
    const phone = makePhone();
    const code = (await smsCode(t, phone)) as string;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 4; i++) {
      expect((await post(t, '/api/v1/volunteers', body({ phone, verificationCode: wrong }))).statusCode).toBe(422);
    }
    expect((await post(t, '/api/v1/volunteers', body({ phone, verificationCode: code }))).statusCode).toBe(201);
    expect(
      (
        await post(t, '/api/v1/residents', {
          name: '王',
          phone,
          password: PASSWORD,
          regionCode: REGIONS.yuzhong,
          verificationCode: code,
        })
      ).statusCode,
    ).toBe(422);

    const other = makePhone();
    const first = (await smsCode(t, other)) as string;
    for (let i = 0; i < 5; i++) {
      await post(
        t,
        '/api/v1/volunteers',
        body({ phone: other, verificationCode: first === '000001' ? '000002' : '000001' }),
      );
    }
    // Five wrong guesses kill the code, even the right one after them.
    expect((await post(t, '/api/v1/volunteers', body({ phone: other, verificationCode: first }))).statusCode).toBe(422);
    // Another code for the same phone within the minute is refused.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verification-codes',
      payload: { phone: other, purpose: 'register' },
      remoteAddress: '10.78.0.1',
    });
    expect(again.statusCode).toBe(429);
  });

  it('refuses malformed JSON, other content types and oversized bodies with 4xx and writes nothing', async () => {
    const before = await counts();
    const json = { 'content-type': 'application/json' };
    const malformed = await post(t, '/api/v1/volunteers', '{"name": "李", ', json);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const empty = await post(t, '/api/v1/volunteers', '', json);
    expect(empty.statusCode).toBe(400);
    const text = await post(t, '/api/v1/volunteers', 'name=李', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const form = await post(t, '/api/v1/volunteers', 'name=li', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
    const array = await post(t, '/api/v1/volunteers', [body()]);
    expect(array.statusCode).toBe(400);
    const huge = await post(t, '/api/v1/volunteers', body({ name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('registers a resident with the resident role, who logs in by phone', async () => {
    const phone = makePhone();
    const res = await post(t, '/api/v1/residents', {
      name: '王大妈',
      phone,
      password: PASSWORD,
      regionCode: REGIONS.yuzhong,
    });
    expect(res.statusCode).toBe(201);
    const { userId } = res.json();
    expect(Object.keys(res.json())).toEqual(['userId']);
    const me = (await (await new Client(t.app).login(phone, PASSWORD)).get('/api/v1/me')).json();
    expect(me).toMatchObject({
      user: { id: userId, volunteerId: null, phone: `139****${phone.slice(-4)}` },
      roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }],
    });
    const bad = await post(t, '/api/v1/residents', {
      name: '王',
      phone: makePhone(),
      password: PASSWORD,
      regionCode: 'nope',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('regionCode');
    const extra = await post(t, '/api/v1/residents', {
      name: '王',
      phone: makePhone(),
      password: PASSWORD,
      regionCode: REGIONS.yuzhong,
      idNumber: '1',
    });
    expect(extra.statusCode).toBe(400);
  });

  it('limits registrations per address with 429', async () => {
    const from = { remoteAddress: '10.200.0.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const phone = makePhone();
      const verificationCode = await smsCode(t, phone);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/residents',
        payload: { name: `居民${i}`, phone, password: PASSWORD, regionCode: REGIONS.yuzhong, verificationCode },
        ...from,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    const other = await post(t, '/api/v1/residents', {
      name: '赵',
      phone: makePhone(),
      password: PASSWORD,
      regionCode: REGIONS.yuzhong,
    });
    expect(other.statusCode).toBe(201);
  });
});
