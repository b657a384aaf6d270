import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { closeOverdueAttendance } from './auto-close.js';
import { errorCode, makePerson, makeScene, makeShift, signUp, type Scene } from './checkin.test-helpers.js';
import { issueMemberCode, verifyMemberCode } from '../../platform/codes.js';
import { testNow } from '../../../../test/clock.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(DIALECTS)('organiser attendance on %s', (dialect) => {
  let t: TestApp;
  let s: Scene;
  let shiftId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeScene(t);
    shiftId = (await makeShift(t, s)).shiftId;
  });
  afterAll(() => t.close());

  const url = (id: string) => `/api/v1/shifts/${id}/attendance`;

  it('follows the access checklist', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const body = { volunteerId: v.volunteerId, kind: 'in', reason: '无智能手机' };
    expect((await t.app.inject({ method: 'POST', url: url(shiftId), payload: body })).statusCode).toBe(401);
    expect((await v.client.post(url(shiftId), body)).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.post(url(shiftId), body)).statusCode).toBe(404);
    expect((await s.organiser.post(url('no-such-shift'), body)).statusCode).toBe(404);
    const res = await s.organiser.post(url(shiftId), body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ volunteerId: v.volunteerId, inMethod: 'hand', reason: '无智能手机' });
    // a repeat answers the same attendance
    const again = await s.organiser.post(url(shiftId), body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(res.json().id);
  });

  it('lists the live attendance of a shift to its organisers', async () => {
    const sh = await makeShift(t, s);
    const v = await makePerson(t);
    const w = await makePerson(t);
    await signUp(t, sh.shiftId, v);
    await signUp(t, sh.shiftId, w);
    const u = url(sh.shiftId);
    await s.organiser.post(u, { volunteerId: v.volunteerId, kind: 'in', reason: '无手机' });
    await s.organiser.post(u, { volunteerId: w.volunteerId, kind: 'in', reason: '无手机' });
    const out = await s.organiser.post(u, { volunteerId: v.volunteerId, kind: 'out', reason: '无手机' });
    expect((await t.app.inject({ method: 'GET', url: u })).statusCode).toBe(401);
    expect((await v.client.get(u)).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.get(u)).statusCode).toBe(404);
    const res = await s.tree.departmentAdmin.client.get(u);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { volunteerId: string; checkedOutAt: string | null; recordId: string | null }[];
    expect(items).toHaveLength(2);
    expect(items.map((a) => [a.volunteerId, a.recordId])).toEqual(
      expect.arrayContaining([
        [v.volunteerId, out.json().recordId],
        [w.volunteerId, null],
      ]),
    );
  });

  it('validates the body: a hand entry needs a reason, and one way to name the volunteer', async () => {
    const v = await makePerson(t);
    const noReason = await s.organiser.post(url(shiftId), { volunteerId: v.volunteerId, kind: 'in' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/reason/);
    const both = await s.organiser.post(url(shiftId), {
      volunteerId: v.volunteerId,
      memberCode: 'M.x.1.abcdefgh',
      kind: 'in',
      reason: 'x',
    });
    expect(both.statusCode).toBe(400);
    const unknown = await s.organiser.post(url(shiftId), { volunteerId: 'nobody', kind: 'in', reason: 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.message).toMatch(/volunteerId/);
    const notSigned = await s.organiser.post(url(shiftId), { volunteerId: v.volunteerId, kind: 'in', reason: 'x' });
    expect(errorCode(notSigned)).toBe('NOT_SIGNED_UP');
  });

  it('checks in and out by the member code, as organiser_scan', async () => {
    const v = await makePerson(t);
    await signUp(t, shiftId, v);
    const mc = (await v.client.get('/api/v1/me/member-code')).json().token as string;
    expect(await verifyMemberCode(t.app.ctx, mc)).toBe(v.volunteerId);
    const old = issueMemberCode(t.app.ctx.cipher, v.volunteerId, 30, testNow() - 60_000).token;
    expect(errorCode(await s.organiser.post(url(shiftId), { memberCode: old, kind: 'in' }))).toBe('TOKEN_EXPIRED');
    const forged = mc.replace(/\.[\w-]+$/, '.AAAAAAAAAAAAAAAA');
    expect(errorCode(await s.organiser.post(url(shiftId), { memberCode: forged, kind: 'in' }))).toBe('TOKEN_INVALID');
    const inn = await s.organiser.post(url(shiftId), { memberCode: mc, kind: 'in' });
    expect(inn.statusCode).toBe(201);
    expect(inn.json().inMethod).toBe('organiser_scan');
    const out = await s.organiser.post(url(shiftId), { memberCode: mc, kind: 'out' });
    expect(out.statusCode).toBe(200);
    const rec = (await s.organiser.get(`/api/v1/records/${out.json().recordId}`)).json();
    expect(rec).toMatchObject({ source: 'organiser_scan', status: 'pending', recordedBy: s.tree.teamAdmin.userId });
  });

  it('clips past hand entries to the shift; hours are clipped, break-reduced and rounded down', async () => {
    const start = testNow() - 240 * MIN;
    const past = await makeShift(t, s, { start: iso(start), end: iso(start + 180 * MIN), breakMinutes: 30 });
    const v = await makePerson(t);
    await signUp(t, past.shiftId, v);
    const u = url(past.shiftId);
    const future = await s.organiser.post(u, {
      volunteerId: v.volunteerId,
      kind: 'in',
      at: iso(testNow() + 10 * MIN),
      reason: '补签',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.message).toMatch(/^at:/);
    const inn = await s.organiser.post(u, {
      volunteerId: v.volunteerId,
      kind: 'in',
      at: iso(start - 10 * MIN),
      reason: '现场纸质签到',
    });
    expect(inn.statusCode).toBe(201);
    expect(inn.json().checkedInAt).toBe(iso(start));
    // 163 minutes served − 30 minutes of break = 133 → 120 at the default 30-minute step
    const out = await s.organiser.post(u, {
      volunteerId: v.volunteerId,
      kind: 'out',
      at: iso(start + 163 * MIN),
      reason: '现场纸质签退',
    });
    expect(out.statusCode).toBe(200);
    const rec = (await s.organiser.get(`/api/v1/records/${out.json().recordId}`)).json();
    expect(rec).toMatchObject({ hours: 2, source: 'hand', start: iso(start), end: iso(start + 163 * MIN) });
    const row = await t.tdb.db
      .selectFrom('service_records')
      .select('minutes')
      .where('id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(row.minutes).toBe(120);
  });

  it('refuses a check-out before the check-in', async () => {
    const start = testNow() - 120 * MIN;
    const past = await makeShift(t, s, { start: iso(start), end: iso(start + 180 * MIN) });
    const v = await makePerson(t);
    await signUp(t, past.shiftId, v);
    const u = url(past.shiftId);
    await s.organiser.post(u, { volunteerId: v.volunteerId, kind: 'in', at: iso(start + 60 * MIN), reason: 'x' });
    const out = await s.organiser.post(u, { volunteerId: v.volunteerId, kind: 'out', at: iso(start), reason: 'x' });
    expect(out.statusCode).toBe(422);
    expect(out.json().error.message).toMatch(/before the check-in/);
  });

  it('closes check-ins whose check-out never came, once, leaving a flagged pending record', async () => {
    const start = testNow() - 300 * MIN;
    const overdue = await makeShift(t, s, { start: iso(start), end: iso(start + 120 * MIN) });
    const recent = await makeShift(t, s, { start: iso(testNow() - 150 * MIN), end: iso(testNow() - 60 * MIN) });
    const v = await makePerson(t);
    const w = await makePerson(t);
    await signUp(t, overdue.shiftId, v);
    await signUp(t, recent.shiftId, w);
    const a = await s.organiser.post(url(overdue.shiftId), {
      volunteerId: v.volunteerId,
      kind: 'in',
      at: iso(start + 10 * MIN),
      reason: '纸质签到',
    });
    const b = await s.organiser.post(url(recent.shiftId), { volunteerId: w.volunteerId, kind: 'in', reason: 'x' });
    expect(await closeOverdueAttendance(t.tdb.db)).toBeGreaterThanOrEqual(1);
    expect(await closeOverdueAttendance(t.tdb.db)).toBe(0);
    const db = t.tdb.db;
    const closed = await db
      .selectFrom('attendance')
      .selectAll()
      .where('id', '=', a.json().id)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ checked_out_at: iso(start + 120 * MIN), out_method: 'auto', auto_closed: 1 });
    expect(JSON.parse(closed.flags)).toContain('auto_closed');
    const rec = await db
      .selectFrom('service_records')
      .selectAll()
      .where('attendance_id', '=', a.json().id)
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ status: 'pending', minutes: 90, source: 'hand' });
    expect(JSON.parse(rec.flags)).toContain('auto_closed');
    const still = await db.selectFrom('attendance').selectAll().where('id', '=', b.json().id).executeTakeFirstOrThrow();
    expect(still.checked_out_at).toBeNull();
  });
});
