import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIEFANGBEI, makeSignup, shiftAt } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { distanceM } from '../../../common/geo.js';
import { issueCheckinCode } from '../../platform/codes.js';
import { at, codeOf, errorCode, makePerson, makeScene, makeShift, signUp, type Scene } from './checkin.test-helpers.js';
import { testNow } from '../../../../test/clock.js';

describe.each(DIALECTS)('check-in on %s', (dialect) => {
  let t: TestApp;
  let s: Scene;
  let shiftId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeScene(t);
    shiftId = (await makeShift(t, s)).shiftId;
  });
  afterAll(() => t.close());

  const anon = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });

  it('gives the rotating code to the shift organisers only', async () => {
    const v = await makePerson(t);
    const url = `/api/v1/shifts/${shiftId}/checkin-code`;
    expect((await anon('GET', url)).statusCode).toBe(401);
    expect((await v.client.get(url)).statusCode).toBe(403);
    // the role is checked before anything is looked up
    expect((await v.client.get('/api/v1/shifts/no-such-shift/checkin-code')).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.get(url)).statusCode).toBe(404);
    expect((await s.organiser.get('/api/v1/shifts/no-such-shift/checkin-code')).statusCode).toBe(404);
    const res = await s.organiser.get(url);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.token).toMatch(new RegExp(`^${shiftId}\\.\\d+\\.[\\w-]+$`));
    expect(c.code).toMatch(/^\d{6}$/);
    expect(c.windowSeconds).toBe(30);
    expect(Date.parse(c.expiresAt)).toBeGreaterThan(testNow() - 1000);
    // the department above the team organises too
    expect((await s.tree.departmentAdmin.client.get(url)).statusCode).toBe(200);
  });

  it('follows the access checklist for check-in and check-out', async () => {
    const { token } = await codeOf(s.organiser, shiftId);
    expect((await anon('POST', '/api/v1/checkins', at(token))).statusCode).toBe(401);
    expect((await anon('POST', '/api/v1/checkouts', at(token))).statusCode).toBe(401);
    // an admin without a volunteer profile cannot check in
    const res = await s.organiser.post('/api/v1/checkins', at(token));
    expect(res.statusCode).toBe(403);
    const v = await makePerson(t);
    const extra = await v.client.post('/api/v1/checkins', { ...at(token), extra: 1 });
    expect(extra.statusCode).toBe(400);
    const none = await v.client.post('/api/v1/checkins', { lat: 29.5, lng: 106.5, accuracyM: 10 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/token/);
  });

  it('checks in once: a repeat answers the same attendance', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { token } = await codeOf(s.organiser, shiftId);
    const first = await v.client.post('/api/v1/checkins', at(token));
    expect(first.statusCode).toBe(201);
    const a = first.json();
    expect(a).toMatchObject({
      shiftId,
      volunteerId: v.volunteerId,
      inMethod: 'self_scan',
      checkedOutAt: null,
      flags: [],
    });
    const again = await v.client.post('/api/v1/checkins', at(token));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(a.id);
    expect(again.json().checkedInAt).toBe(a.checkedInAt);
    // the sign-up now counts as attended
    const signup = await t.tdb.db
      .selectFrom('signups')
      .select('status')
      .where('shift_id', '=', shiftId)
      .where('volunteer_id', '=', v.volunteerId)
      .executeTakeFirstOrThrow();
    expect(signup.status).toBe('attended');
  });

  it('settles two concurrent check-ins on one attendance', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { token } = await codeOf(s.organiser, shiftId);
    const [x, y] = await Promise.all([
      v.client.post('/api/v1/checkins', at(token)),
      v.client.post('/api/v1/checkins', at(token)),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 201]);
    expect(x.json().id).toBe(y.json().id);
    const rows = await t.tdb.db
      .selectFrom('attendance')
      .select('id')
      .where('shift_id', '=', shiftId)
      .where('volunteer_id', '=', v.volunteerId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('accepts the previous window and refuses a token two windows old with its own code', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const cipher = t.app.ctx.cipher;
    const old = issueCheckinCode(cipher, shiftId, 30, testNow() - 60_000);
    const expired = await v.client.post('/api/v1/checkins', at(old.token));
    expect(expired.statusCode).toBe(422);
    expect(errorCode(expired)).toBe('TOKEN_EXPIRED');
    const forged = `${shiftId}.${old.token.split('.')[1]}.AAAAAAAAAAAAAAAA`;
    const bad = await v.client.post('/api/v1/checkins', at(forged));
    expect(bad.statusCode).toBe(422);
    expect(errorCode(bad)).toBe('TOKEN_INVALID');
    expect(errorCode(await v.client.post('/api/v1/checkins', at('not-a-token')))).toBe('TOKEN_INVALID');
    const previous = issueCheckinCode(cipher, shiftId, 30, testNow() - 30_000);
    expect((await v.client.post('/api/v1/checkins', at(previous.token))).statusCode).toBe(201);
  });

  it('takes the 6-digit code with the shift id', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { code } = await codeOf(s.organiser, shiftId);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const pos = { lat: JIEFANGBEI.lat, lng: JIEFANGBEI.lng, accuracyM: 15 };
    const bad = await v.client.post('/api/v1/checkins', { shiftId, code: wrong, ...pos });
    expect(errorCode(bad)).toBe('TOKEN_INVALID');
    const old = issueCheckinCode(t.app.ctx.cipher, shiftId, 30, testNow() - 60_000);
    expect(errorCode(await v.client.post('/api/v1/checkins', { shiftId, code: old.code, ...pos }))).toBe(
      'TOKEN_EXPIRED',
    );
    const ok = await v.client.post('/api/v1/checkins', { shiftId, code, ...pos });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a position outside the radius with the distance in the message', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { token } = await codeOf(s.organiser, shiftId);
    const body = at(token, 30, 0.01); // ~1.1 km north
    const expected = Math.round(distanceM(body.lat, body.lng, JIEFANGBEI.lat, JIEFANGBEI.lng));
    const res = await v.client.post('/api/v1/checkins', body);
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('OUTSIDE_RADIUS');
    expect(res.json().error.message).toContain(`${expected} m`);
    expect(res.json().error.details).toMatchObject({ distanceM: expected, allowedM: 230 });
    // a huge reported accuracy does not stretch the radius past the cap
    expect(errorCode(await v.client.post('/api/v1/checkins', at(token, 5000, 0.01)))).toBe('OUTSIDE_RADIUS');
    // within radius + accuracy it passes, flagged when the accuracy is coarse (~333 m off)
    const coarse = await v.client.post('/api/v1/checkins', at(token, 150, 0.003));
    expect(coarse.statusCode).toBe(201);
    expect(coarse.json().flags).toEqual(['large_accuracy']);
  });

  it('refuses volunteers without an approved sign-up, and outside the check-in time', async () => {
    const v = await makePerson(t);
    const { token } = await codeOf(s.organiser, shiftId);
    const res = await v.client.post('/api/v1/checkins', at(token));
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('NOT_SIGNED_UP');
    const w = await makePerson(t);
    await makeSignup(t.app, { shiftId, volunteerId: w.volunteerId, status: 'waitlisted' });
    expect(errorCode(await w.client.post('/api/v1/checkins', at(token)))).toBe('NOT_SIGNED_UP');

    const later = await makeShift(t, s, shiftAt(2, 2));
    await signUp(t, later.shiftId, v);
    const early = await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, later.shiftId)).token));
    expect(errorCode(early)).toBe('CHECKIN_CLOSED');
    expect(early.json().error.message).toMatch(/30 minutes/);
    const past = await makeShift(t, s, shiftAt(-3, 2));
    await signUp(t, past.shiftId, v);
    const ended = await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, past.shiftId)).token));
    expect(errorCode(ended)).toBe('CHECKIN_CLOSED');
    // a shift starting in 20 minutes is open already
    const soon = await makeShift(t, s, shiftAt(1 / 3, 2));
    await signUp(t, soon.shiftId, v);
    const open = await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, soon.shiftId)).token));
    expect(open.statusCode).toBe(201);
  });

  it('checks out into a pending self record; a repeated check-out answers the same', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { token } = await codeOf(s.organiser, shiftId);
    const notIn = await v.client.post('/api/v1/checkouts', at(token));
    expect(notIn.statusCode).toBe(422);
    const a = (await v.client.post('/api/v1/checkins', at(token))).json();
    const out = await v.client.post('/api/v1/checkouts', at(token, 20, 0.01));
    expect(out.statusCode).toBe(200);
    const o = out.json();
    expect(o).toMatchObject({ id: a.id, outMethod: 'self_scan' });
    expect(o.checkedOutAt).toEqual(expect.any(String));
    // left at once, and from far away: flagged, not refused
    expect(o.flags.sort()).toEqual(['checkout_outside_radius', 'too_short']);
    expect(o.recordId).toEqual(expect.any(String));
    const again = await v.client.post('/api/v1/checkouts', at(token));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: a.id, recordId: o.recordId });
    const rec = await v.client.get(`/api/v1/records/${o.recordId}`);
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({
      status: 'pending',
      source: 'self',
      shiftId,
      volunteerId: v.volunteerId,
      organisationId: s.tree.teamId,
      hours: 0,
      recordedBy: null,
    });
    expect(rec.json().flags.sort()).toEqual(['checkout_outside_radius', 'too_short']);
  });

  it('makes one record from two concurrent check-outs', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { token } = await codeOf(s.organiser, shiftId);
    const a = (await v.client.post('/api/v1/checkins', at(token))).json();
    const [x, y] = await Promise.all([
      v.client.post('/api/v1/checkouts', at(token)),
      v.client.post('/api/v1/checkouts', at(token)),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(x.json().recordId).toBe(y.json().recordId);
    const records = await t.tdb.db
      .selectFrom('service_records')
      .select('id')
      .where('attendance_id', '=', a.id)
      .execute();
    expect(records).toHaveLength(1);
  });

  it('stops guessing of the 6-digit code per account', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const { code } = await codeOf(s.organiser, shiftId);
    const pos = { lat: JIEFANGBEI.lat, lng: JIEFANGBEI.lng, accuracyM: 15 };
    for (let i = 1; i <= 10; i++) {
      const guess = String((Number(code) + i) % 1_000_000).padStart(6, '0');
      expect(errorCode(await v.client.post('/api/v1/checkins', { shiftId, code: guess, ...pos }))).toBe(
        'TOKEN_INVALID',
      );
    }
    const blocked = await v.client.post('/api/v1/checkins', { shiftId, code, ...pos });
    expect(blocked.statusCode).toBe(429);
    // the scanned token still works: only typed codes are held back
    expect((await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, shiftId)).token))).statusCode).toBe(
      201,
    );
  });

  it('flags a check-in while another shift is still open', async () => {
    const v = await makePerson(t);
    const other = await makeShift(t, s);
    await signUp(t, shiftId, v);
    await signUp(t, other.shiftId, v);
    await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, shiftId)).token));
    const second = await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, other.shiftId)).token));
    expect(second.statusCode).toBe(201);
    expect(second.json().flags).toEqual(['overlaps_other_shift']);
  });

  it('allows at most the configured pairs per local day', async () => {
    const v = await makePerson(t);
    const shifts = [];
    for (let i = 0; i < 4; i++) {
      const sh = await makeShift(t, s);
      await signUp(t, sh.shiftId, v);
      shifts.push(sh.shiftId);
    }
    for (const id of shifts.slice(0, 3)) {
      const { token } = await codeOf(s.organiser, id);
      expect((await v.client.post('/api/v1/checkins', at(token))).statusCode).toBe(201);
      expect((await v.client.post('/api/v1/checkouts', at(token))).statusCode).toBe(200);
    }
    const fourth = await v.client.post('/api/v1/checkins', at((await codeOf(s.organiser, shifts[3] as string)).token));
    expect(fourth.statusCode).toBe(422);
    expect(errorCode(fourth)).toBe('DAILY_LIMIT_REACHED');
    expect(fourth.json().error.message).toMatch(/At most 3/);
  });

  it('hands out a member code to volunteers only', async () => {
    expect((await anon('GET', '/api/v1/me/member-code')).statusCode).toBe(401);
    expect((await s.organiser.get('/api/v1/me/member-code')).statusCode).toBe(403);
    const v = await makePerson(t);
    const res = await v.client.get('/api/v1/me/member-code');
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toMatch(new RegExp(`^M\\.${v.volunteerId}\\.\\d+\\.[\\w-]+$`));
  });
});
