import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

describe.each(DIALECTS)('shift changes on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  const patch = (
    c: { patch: (u: string, b: unknown) => Promise<{ statusCode: number; json: () => unknown }> },
    id: string,
    b: unknown,
  ) => c.patch(`/api/v1/shifts/${id}`, b);

  it('changes times (telling everyone signed up) and capacity (filling from the wait-list)', async () => {
    const admin = tree.teamAdmin.client;
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 1 })] });
    const shiftId = a.shiftIds[0] as string;
    const first = await makeSignup(t.app, { shiftId });
    const second = await makeSignup(t.app, { shiftId, status: 'waitlisted' });
    const v = await makeVolunteer(t.app);
    const vc = await clientFor(t.app, v.userId);

    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/shifts/${shiftId}`, payload: { capacity: 3 } })).statusCode,
    ).toBe(401);
    expect((await patch(vc, shiftId, { capacity: 3 })).statusCode).toBe(403);
    expect((await patch(tree.otherTeamAdmin.client, shiftId, { capacity: 3 })).statusCode).toBe(403);
    expect((await patch(admin, shiftId, {})).statusCode).toBe(400);
    const bad = await patch(admin, shiftId, { end: shiftAt(20).start });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: { message: string } }).error.message).toContain('end');

    const moved = shiftAt(30, 3);
    const res = await patch(admin, shiftId, { start: moved.start, end: moved.end, capacity: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ start: moved.start, end: moved.end, capacity: 2, taken: 2, waitlisted: 0 });
    const kinds = async (userId: string) =>
      (await t.tdb.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).orderBy('id').execute())
        .map((n) => n.kind)
        .sort();
    expect(await kinds(first.volunteer?.userId as string)).toEqual(['shift_changed']);
    expect(await kinds(second.volunteer?.userId as string)).toEqual(['shift_changed', 'waitlist_promoted']);
    const copies = await t.tdb.db
      .selectFrom('signups')
      .select(['start_at', 'end_at'])
      .where('shift_id', '=', shiftId)
      .execute();
    expect(copies.every((c) => c.start_at === moved.start && c.end_at === moved.end)).toBe(true);
    const act = (await admin.get(`/api/v1/activities/${a.id}`)).json();
    expect(act.firstStart).toBe(moved.start);

    const below = await patch(admin, shiftId, { capacity: 1 });
    expect(below.statusCode).toBe(422);
    expect((below.json() as { error: { message: string } }).error.message).toContain('capacity');
  });

  it('records people served once the session has started', async () => {
    const admin = tree.teamAdmin.client;
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(-2, 1), shiftAt(24, 1)] });
    const [past, future] = a.shiftIds as [string, string];
    const url = (id: string) => `/api/v1/shifts/${id}/people-served`;
    expect((await t.app.inject({ method: 'POST', url: url(past), payload: { count: 120 } })).statusCode).toBe(401);
    expect((await tree.otherTeamAdmin.client.post(url(past), { count: 120 })).statusCode).toBe(403);
    expect((await admin.post(url(past), { count: -1 })).statusCode).toBe(400);
    expect((await admin.post(url(future), { count: 10 })).statusCode).toBe(422);
    // a draft's shifts do not exist for outsiders
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft', shifts: [shiftAt(-2, 1)] });
    const draftShift = draft.shiftIds[0] as string;
    expect((await tree.otherTeamAdmin.client.post(url(draftShift), { count: 1 })).statusCode).toBe(404);
    expect((await tree.otherTeamAdmin.client.patch(`/api/v1/shifts/${draftShift}`, { capacity: 9 })).statusCode).toBe(
      404,
    );
    expect((await tree.otherTeamAdmin.client.get(`/api/v1/shifts/${draftShift}/signups`)).statusCode).toBe(404);
    expect((await tree.otherTeamAdmin.client.get(`/api/v1/shifts/${draftShift}/insured.xlsx`)).statusCode).toBe(404);
    const v = await makeVolunteer(t.app);
    expect((await (await clientFor(t.app, v.userId)).post(url(past), { count: 1 })).statusCode).toBe(403);

    const ok = await admin.post(url(past), { count: 120 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().peopleServed).toBe(120);
  });
});
