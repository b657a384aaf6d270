import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grant } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { setSetting } from '../../platform/settings/settings.service.js';
import {
  errorCode,
  makePerson,
  makeScene,
  makeShift,
  signUp,
  type Person,
  type Scene,
} from '../checkin/checkin.test-helpers.js';
import { testNow } from '../../../../test/clock.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(DIALECTS)('service records on %s', (dialect) => {
  let t: TestApp;
  let s: Scene;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeScene(t);
  });
  afterAll(() => t.close());

  /** A pending hand record of `minutes` for `v` on a past shift of the team (or `orgId`). */
  async function pendingRecord(v: Person, minutes: number, orgId?: string): Promise<string> {
    const start = testNow() - 300 * MIN;
    const sh = await makeShift(t, s, { start: iso(start), end: iso(start + 240 * MIN) }, { orgId });
    await signUp(t, sh.shiftId, v);
    const organiser = orgId === s.tree.otherTeamId ? s.tree.otherTeamAdmin.client : s.organiser;
    const u = `/api/v1/shifts/${sh.shiftId}/attendance`;
    const body = { volunteerId: v.volunteerId, reason: '纸质签到表' };
    const inn = await organiser.post(u, { ...body, kind: 'in', at: iso(start) });
    if (inn.statusCode !== 201) throw new Error(`in: ${inn.body}`);
    const out = await organiser.post(u, { ...body, kind: 'out', at: iso(start + minutes * MIN) });
    if (out.statusCode !== 200) throw new Error(`out: ${out.body}`);
    return out.json().recordId as string;
  }

  const hoursOf = async (v: Person) => {
    const r = (await v.client.get(`/api/v1/volunteers/${v.volunteerId}`)).json();
    return { hours: r.hours, starLevel: r.starLevel };
  };

  it('lists records for oneself, a volunteer an admin sees, or an organisation subtree', async () => {
    const v = await makePerson(t);
    const w = await makePerson(t);
    const r1 = await pendingRecord(v, 60);
    const r2 = await pendingRecord(v, 90);
    await pendingRecord(w, 60);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records' })).statusCode).toBe(401);
    const own = await v.client.get('/api/v1/records');
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((r: { id: string }) => r.id)).toEqual([r2, r1]);
    expect((await v.client.get(`/api/v1/records?volunteerId=${w.volunteerId}`)).statusCode).toBe(404);
    expect((await v.client.get(`/api/v1/records?organisationId=${s.tree.teamId}`)).statusCode).toBe(403);
    const other = await s.tree.otherTeamAdmin.client.get(`/api/v1/records?organisationId=${s.tree.teamId}`);
    expect(other.statusCode).toBe(403);
    const team = await s.organiser.get(`/api/v1/records?organisationId=${s.tree.teamId}&status=pending&limit=200`);
    expect(team.statusCode).toBe(200);
    expect(team.json().items.length).toBeGreaterThanOrEqual(3);
    // the department sees its teams' records; pages follow the cursor
    const dept = s.tree.departmentAdmin.client;
    const p1 = (await dept.get(`/api/v1/records?organisationId=${s.tree.departmentId}&limit=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (
      await dept.get(`/api/v1/records?organisationId=${s.tree.departmentId}&limit=2&cursor=${p1.nextCursor}`)
    ).json();
    expect(p2.items[0].id < p1.items[1].id).toBe(true);
    expect((await dept.get(`/api/v1/records?organisationId=${s.tree.departmentId}&cursor=garbage`)).statusCode).toBe(
      400,
    );
  });

  it('follows the access checklist on single records and corrections', async () => {
    const v = await makePerson(t);
    const id = await pendingRecord(v, 60);
    const anon = (method: 'GET' | 'POST', url: string) =>
      t.app.inject({ method, url, payload: method === 'POST' ? { reason: 'x' } : undefined });
    expect((await anon('GET', `/api/v1/records/${id}`)).statusCode).toBe(401);
    expect((await anon('GET', `/api/v1/records/${id}/corrections`)).statusCode).toBe(401);
    expect((await anon('POST', `/api/v1/records/${id}/corrections`)).statusCode).toBe(401);
    expect((await anon('GET', `/api/v1/record-corrections?organisationId=${s.tree.teamId}`)).statusCode).toBe(401);
    const stranger = await makePerson(t);
    expect((await stranger.client.get(`/api/v1/records/${id}`)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/v1/records/${id}/corrections`)).statusCode).toBe(404);
    expect((await s.tree.otherTeamAdmin.client.get(`/api/v1/records/${id}`)).statusCode).toBe(404);
    expect((await s.organiser.get('/api/v1/records/no-such-record')).statusCode).toBe(404);
    // organisers see their records but only the volunteer asks for corrections
    expect((await s.organiser.get(`/api/v1/records/${id}`)).statusCode).toBe(200);
    expect((await s.organiser.post(`/api/v1/records/${id}/corrections`, { reason: 'x' })).statusCode).toBe(404);
    expect((await v.client.get(`/api/v1/record-corrections?organisationId=${s.tree.teamId}`)).statusCode).toBe(403);
    const foreign = `/api/v1/record-corrections?organisationId=${s.tree.teamId}`;
    expect((await s.tree.otherTeamAdmin.client.get(foreign)).statusCode).toBe(403);
    expect((await v.client.post('/api/v1/records/confirm', { ids: [id] })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/records/confirm', payload: { ids: [id] } })).statusCode,
    ).toBe(401);
    // the endpoints are in the OpenAPI document
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/checkins',
        '/api/v1/checkouts',
        '/api/v1/shifts/{id}/checkin-code',
        '/api/v1/shifts/{id}/attendance',
        '/api/v1/me/member-code',
        '/api/v1/records',
        '/api/v1/records/{id}/confirm',
        '/api/v1/records/{id}/revoke',
        '/api/v1/record-corrections/{id}/answer',
      ]),
    );
  });

  it('confirms a record: the access checklist, then hours on the volunteer', async () => {
    const v = await makePerson(t);
    const id = await pendingRecord(v, 150);
    const u = `/api/v1/records/${id}/confirm`;
    expect((await t.app.inject({ method: 'POST', url: u, payload: {} })).statusCode).toBe(401);
    expect((await v.client.post(u)).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.post(u)).statusCode).toBe(404);
    expect((await s.organiser.post('/api/v1/records/nope/confirm')).statusCode).toBe(404);
    const res = await s.organiser.post(u);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'confirmed', hours: 2.5, approvedBy: s.tree.teamAdmin.userId });
    expect(await hoursOf(v)).toEqual({ hours: 2.5, starLevel: 0 });
    const notice = await t.tdb.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', v.userId)
      .where('kind', '=', 'record_confirmed')
      .execute();
    expect(notice).toHaveLength(1);
    expect(notice[0]?.body).toMatch(/长江岸线清洁行动/);
    const again = await s.organiser.post(u);
    expect(again.statusCode).toBe(409);
    expect(await hoursOf(v)).toEqual({ hours: 2.5, starLevel: 0 });
  });

  it('revokes a confirmed record: it stays in the history, hours and star level go down', async () => {
    await setSetting(t.tdb.db, 'starThresholdsHours', [1, 2, 3, 4, 5]);
    try {
      const v = await makePerson(t);
      const keep = await pendingRecord(v, 60);
      const id = await pendingRecord(v, 120);
      expect((await s.organiser.post('/api/v1/records/confirm', { ids: [keep, id] })).statusCode).toBe(200);
      expect(await hoursOf(v)).toEqual({ hours: 3, starLevel: 3 });
      const u = `/api/v1/records/${id}/revoke`;
      expect((await t.app.inject({ method: 'POST', url: u, payload: { reason: 'x' } })).statusCode).toBe(401);
      expect((await v.client.post(u, { reason: '代签' })).statusCode).toBe(403);
      expect((await s.tree.otherTeamAdmin.client.post(u, { reason: '代签' })).statusCode).toBe(404);
      expect((await s.organiser.post(u, {})).statusCode).toBe(400);
      const res = await s.organiser.post(u, { reason: '代签，本人未到场' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: '代签，本人未到场', hours: 2 });
      expect(res.json().revokedAt).toEqual(expect.any(String));
      expect(await hoursOf(v)).toEqual({ hours: 1, starLevel: 1 });
      const history = (await v.client.get('/api/v1/records')).json().items;
      expect(history.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
        [id, 'revoked'],
        [keep, 'confirmed'],
      ]);
      expect((await s.organiser.post(u, { reason: 'again' })).statusCode).toBe(409);
    } finally {
      await setSetting(t.tdb.db, 'starThresholdsHours', [100, 300, 600, 1000, 1500]);
    }
  });

  it('refuses an organiser confirming their own service', async () => {
    const v = await makePerson(t);
    await grant(t.tdb.db, v.userId, 'team_admin', 'organisation', s.tree.teamId);
    const id = await pendingRecord(v, 60);
    const own = await v.client.post(`/api/v1/records/${id}/confirm`);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.message).toMatch(/your own service/);
    expect((await s.organiser.post(`/api/v1/records/${id}/confirm`)).statusCode).toBe(200);
  });

  it('confirms in bulk all or nothing', async () => {
    const v = await makePerson(t);
    const [a, b, c] = [await pendingRecord(v, 60), await pendingRecord(v, 60), await pendingRecord(v, 60)];
    const foreign = await pendingRecord(await makePerson(t), 60, s.tree.otherTeamId);
    expect((await s.organiser.post('/api/v1/records/confirm', { ids: [a] })).statusCode).toBe(200);
    const stale = await s.organiser.post('/api/v1/records/confirm', { ids: [b, a] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'record_not_pending', id: a });
    const out = await s.organiser.post('/api/v1/records/confirm', { ids: [c, foreign] });
    expect(out.statusCode).toBe(404);
    expect((await s.organiser.get(`/api/v1/records/${b}`)).json().status).toBe('pending');
    expect((await s.organiser.get(`/api/v1/records/${c}`)).json().status).toBe('pending');
    expect(await hoursOf(v)).toEqual({ hours: 1, starLevel: 0 });
    expect((await s.organiser.post('/api/v1/records/confirm', { ids: [] })).statusCode).toBe(400);
    const ok = await s.organiser.post('/api/v1/records/confirm', { ids: [b, c] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(await hoursOf(v)).toEqual({ hours: 3, starLevel: 0 });
  });

  it('takes late entries with evidence, confirmed only by a second person', async () => {
    const v = await makePerson(t);
    const start = testNow() - 26 * 60 * MIN;
    const sh = await makeShift(t, s, { start: iso(start), end: iso(start + 180 * MIN), breakMinutes: 20 });
    const body = {
      volunteerId: v.volunteerId,
      activityId: sh.activityId,
      start: iso(start - 30 * MIN),
      end: iso(start + 200 * MIN),
      content: '岸线清洁（纸质签到补录）',
      evidence: '签到表照片，队长证明',
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/records', payload: body })).statusCode).toBe(401);
    expect((await v.client.post('/api/v1/records', body)).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.post('/api/v1/records', body)).statusCode).toBe(404);
    const { evidence: _e, ...noEvidence } = body;
    const missing = await s.organiser.post('/api/v1/records', noEvidence);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/evidence/);
    const future = await s.organiser.post('/api/v1/records', { ...body, end: iso(testNow() + 60 * MIN) });
    expect(future.statusCode).toBe(422);
    // without a shift: the whole span (230 min → 210)
    const plain = await s.organiser.post('/api/v1/records', body);
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({
      source: 'late',
      status: 'pending',
      hours: 3.5,
      recordedBy: s.tree.teamAdmin.userId,
    });
    // with the shift: clipped (180 min), less the 20-minute break (160 → 150)
    const clipped = await s.organiser.post('/api/v1/records', { ...body, shiftId: sh.shiftId });
    expect(clipped.statusCode).toBe(201);
    expect(clipped.json()).toMatchObject({ hours: 2.5, start: iso(start), end: iso(start + 180 * MIN) });
    const id = clipped.json().id as string;
    const self = await s.organiser.post(`/api/v1/records/${id}/confirm`);
    expect(self.statusCode).toBe(422);
    expect(errorCode(self)).toBe('SECOND_APPROVER_REQUIRED');
    expect((await s.organiser.get(`/api/v1/records/${id}`)).json().status).toBe('pending');
    const second = await s.tree.departmentAdmin.client.post(`/api/v1/records/${id}/confirm`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'confirmed', approvedBy: s.tree.departmentAdmin.userId });
  });

  it('lets a volunteer ask for a correction and the organiser answer it with a new record', async () => {
    const v = await makePerson(t);
    const id = await pendingRecord(v, 120);
    await s.organiser.post(`/api/v1/records/${id}/confirm`);
    const old = (await v.client.get(`/api/v1/records/${id}`)).json();
    const ask = { end: iso(Date.parse(old.start) + 210 * MIN), reason: '实际服务到下午，签退时手机没电' };
    const other = await makePerson(t);
    expect((await other.client.post(`/api/v1/records/${id}/corrections`, ask)).statusCode).toBe(404);
    const res = await v.client.post(`/api/v1/records/${id}/corrections`, ask);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ recordId: id, status: 'open', requestedEnd: ask.end, requestedStart: null });
    expect((await v.client.post(`/api/v1/records/${id}/corrections`, ask)).statusCode).toBe(409);
    const listed = (
      await s.organiser.get(`/api/v1/record-corrections?organisationId=${s.tree.teamId}&status=open`)
    ).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await v.client.get(`/api/v1/records/${id}/corrections`)).json().items).toHaveLength(1);

    const u = `/api/v1/record-corrections/${c.id}/answer`;
    const answer = { accept: true, answer: '核实签到表后更正' };
    expect((await t.app.inject({ method: 'POST', url: u, payload: answer })).statusCode).toBe(401);
    expect((await v.client.post(u, answer)).statusCode).toBe(403);
    expect((await s.tree.otherTeamAdmin.client.post(u, answer)).statusCode).toBe(404);
    const ok = await s.organiser.post(u, answer);
    expect(ok.statusCode).toBe(200);
    const { correction, record } = ok.json();
    expect(correction).toMatchObject({ status: 'accepted', answer: '核实签到表后更正' });
    expect(record).toMatchObject({ replacesId: id, status: 'confirmed', hours: 3.5, end: ask.end });
    expect((await v.client.get(`/api/v1/records/${id}`)).json()).toMatchObject({
      status: 'revoked',
      revokeReason: 'correction: 核实签到表后更正',
    });
    expect(await hoursOf(v)).toEqual({ hours: 3.5, starLevel: 0 });
    expect((await s.organiser.post(u, answer)).statusCode).toBe(409);

    // a declined request changes nothing
    const ask2 = await v.client.post(`/api/v1/records/${record.id}/corrections`, { reason: '再核对' });
    const no = await s.organiser.post(`/api/v1/record-corrections/${ask2.json().id}/answer`, {
      accept: false,
      answer: '记录无误',
    });
    expect(no.json()).toMatchObject({ correction: { status: 'rejected' }, record: null });
    expect(await hoursOf(v)).toEqual({ hours: 3.5, starLevel: 0 });
  });
});
