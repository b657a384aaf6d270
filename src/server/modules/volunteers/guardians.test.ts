import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeOrganisationTree, type OrganisationTree } from '../../../../test/activity-factories.js';
import { allCells } from '../../../../test/db-dump.js';
import {
  birthDateAged,
  makePhone,
  makeResidentId,
  makeUser,
  makeVolunteer,
  PASSWORD,
  REGIONS,
} from '../../../../test/factories.js';
import { smsCode } from '../../../../test/sms.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { toNumber } from '../../db/database.js';
import { setSetting } from '../../platform/settings/settings.service.js';

let address = 0;

describe.each(DIALECTS)("minors and their guardian's consent on %s", (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  const post = (url: string, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, string>,
      remoteAddress: `10.3.${Math.floor(++address / 250)}.${address % 250}`,
    });

  /** A guardian's consent with a real code sent to the guardian's phone (or a wrong one). */
  const guardian = async (o: { wrongCode?: boolean } = {}) => {
    const phone = makePhone();
    const code = await smsCode(t, phone, 'guardian_consent');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    return { name: '王监护', relation: 'mother', phone, verificationCode: o.wrongCode ? wrong : (code as string) };
  };

  const registration = async (age: number, extra: Record<string, unknown> = {}) => {
    const phone = makePhone();
    return {
      name: '王小明',
      idType: 'resident_id',
      idNumber: makeResidentId(birthDateAged(age)),
      phone,
      password: PASSWORD,
      regionCode: REGIONS.jiefangbei,
      verificationCode: await smsCode(t, phone),
      ...extra,
    };
  };

  const rows = async () => {
    const n = async (table: 'users' | 'volunteers' | 'guardians') =>
      toNumber(
        (
          await t.tdb.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [await n('users'), await n('volunteers'), await n('guardians')];
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  it("registers a child under 14 only with a guardian's consent, proved by the guardian's phone", async () => {
    const before = await rows();
    const without = await post('/api/v1/volunteers', await registration(11));
    expect(without.statusCode).toBe(422);
    expect(without.json().error).toMatchObject({ code: 'GUARDIAN_REQUIRED', details: { field: 'body.guardian' } });

    const wrong = await post(
      '/api/v1/volunteers',
      await registration(11, { guardian: await guardian({ wrongCode: true }) }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('VERIFICATION_FAILED');
    expect(await rows()).toEqual(before);

    const g = await guardian();
    const body = await registration(11, { guardian: g });
    const res = await post('/api/v1/volunteers', body);
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ status: 'active', minor: true });
    expect(await rows()).toEqual(before.map((n) => n + 1));

    // The guardian's text says what the code consents to; their name and phone are kept only encrypted.
    expect(t.sms.to(g.phone).at(-1)).toContain('监护人同意');
    const cells = await allCells(t.tdb.db, dialect);
    expect(cells.some((c) => c.includes(g.phone) || c.includes(g.name))).toBe(false);

    const self = await clientFor(t.app, v.userId);
    const seen = await self.get(`/api/v1/volunteers/${v.id}/guardian`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      name: '王**',
      relation: 'mother',
      phone: `${g.phone.slice(0, 3)}****${g.phone.slice(-4)}`,
    });

    // The code is used up with the registration: it cannot consent a second time.
    const reuse = await post('/api/v1/volunteers', await registration(12, { guardian: g }));
    expect(reuse.json().error.code).toBe('VERIFICATION_FAILED');
  });

  it('registers a 15-year-old as pending a guardian, showing the birth year and never the date', async () => {
    const birth = birthDateAged(15);
    const res = await post('/api/v1/volunteers', await registration(15, { idNumber: makeResidentId(birth) }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending_guardian', minor: true, birthYear: Number(birth.slice(0, 4)) });
    expect(res.json()).not.toHaveProperty('birthDate');
  });

  it('takes the guardian age from the settings', async () => {
    await setSetting(t.tdb.db, 'guardianAge', 16);
    try {
      const res = await post('/api/v1/volunteers', await registration(16));
      expect(res.json()).toMatchObject({ status: 'active', minor: false });
    } finally {
      await setSetting(t.tdb.db, 'guardianAge', 18);
    }
  });

  it('refuses a guardian for an adult, with nothing written', async () => {
    const before = await rows();
    const res = await post('/api/v1/volunteers', await registration(30, { guardian: await guardian() }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'GUARDIAN_NOT_NEEDED', details: { field: 'body.guardian' } });
    expect(await rows()).toEqual(before);
  });

  it('lets a 16-year-old register, wait for consent, and serve once the guardian consents', async () => {
    const res = await post('/api/v1/volunteers', await registration(16));
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ status: 'pending_guardian', minor: true });
    const self = await clientFor(t.app, v.userId);
    expect((await self.get(`/api/v1/volunteers/${v.id}/guardian`)).statusCode).toBe(404);

    const bad = await self.request('PUT', '/api/v1/me/guardian', await guardian({ wrongCode: true }));
    expect(bad.statusCode).toBe(422);
    expect((await self.get(`/api/v1/volunteers/${v.id}`)).json().status).toBe('pending_guardian');

    const ok = await self.request('PUT', '/api/v1/me/guardian', await guardian());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ relation: 'mother', name: '王**' });
    expect((await self.get(`/api/v1/volunteers/${v.id}`)).json()).toMatchObject({ status: 'active', minor: true });
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', v.id)
      .where('action', '=', 'volunteer.guardian_consent')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).not.toContain('王监护');
  });

  it('refuses a guardian for an adult who asks afterwards', async () => {
    const adult = await makeVolunteer(t.app, { birthDate: birthDateAged(25) });
    const self = await clientFor(t.app, adult.userId);
    const res = await self.request('PUT', '/api/v1/me/guardian', await guardian());
    expect(res.statusCode).toBe(422);
    // The whole body is the consent here: no `guardian` field to point at (found by the API fuzz).
    expect(res.json().error).toMatchObject({ code: 'GUARDIAN_NOT_NEEDED', details: { field: 'body' } });
    expect((await self.get(`/api/v1/volunteers/${adult.id}`)).json()).toMatchObject({ minor: false });
  });

  it('shows a minor to a team admin without ID, phone, birth year, gender or guardian; a region admin sees them, audited', async () => {
    const minor = await makeVolunteer(t.app, { birthDate: birthDateAged(15) });
    const self = await clientFor(t.app, minor.userId);
    await self.request('PUT', '/api/v1/me/guardian', await guardian());
    const admin = tree.teamAdmin.client;
    const invited = await admin.post(`/api/v1/organisations/${tree.teamId}/members`, {
      volunteerCode: minor.volunteerCode,
      role: 'member',
    });
    expect(invited.statusCode).toBe(201);
    expect((await self.post(`/api/v1/memberships/${invited.json().id}/accept`)).statusCode).toBe(200);

    const seen = (await admin.get(`/api/v1/volunteers/${minor.id}`)).json();
    expect(seen).toMatchObject({
      id: minor.id,
      minor: true,
      idNumber: null,
      phone: null,
      birthYear: null,
      gender: null,
    });
    expect((await admin.get(`/api/v1/volunteers/${minor.id}/guardian`)).statusCode).toBe(404);

    const ra = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    const duty = await clientFor(t.app, ra.id);
    const full = (await duty.get(`/api/v1/volunteers/${minor.id}`)).json();
    expect(full).toMatchObject({ minor: true, birthYear: Number(birthDateAged(15).slice(0, 4)) });
    expect(full.phone).toMatch(/\*{4}/);
    expect((await duty.get(`/api/v1/volunteers/${minor.id}/guardian`)).statusCode).toBe(200);
    const reads = await t.tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', ra.id)
      .where('entity_id', '=', minor.id)
      .execute();
    expect(reads.map((r) => r.action).sort()).toEqual(['volunteer.guardian_read', 'volunteer.read']);
  });

  it("a minor's guardian is erased with the account", async () => {
    const minor = await makeVolunteer(t.app, { birthDate: birthDateAged(16) });
    const self = await clientFor(t.app, minor.userId);
    await self.request('PUT', '/api/v1/me/guardian', await guardian());
    const c = await new Client(t.app).login(minor.phone, PASSWORD);
    expect((await c.post('/api/v1/me/close', { currentPassword: PASSWORD, confirm: true })).statusCode).toBe(204);
    const left = await t.tdb.db
      .selectFrom('guardians')
      .select('volunteer_id')
      .where('volunteer_id', '=', minor.id)
      .execute();
    expect(left).toEqual([]);
  });
});
