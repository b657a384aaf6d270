import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

describe.each(DIALECTS)('sign-up approval and cancellation on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let admin: BearerClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    admin = tree.teamAdmin.client;
  });
  afterAll(() => t.close());

  const person = async () => {
    const v = await makeVolunteer(t.app);
    return { ...v, client: await clientFor(t.app, v.userId) };
  };
  const kindsOf = async (userId: string) =>
    (await t.tdb.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).orderBy('id').execute())
      .map((n) => n.kind)
      .sort(); // notices of one transaction may share a millisecond: compare as sets
  const taken = async (shiftId: string) =>
    (await t.tdb.db.selectFrom('shifts').select('taken').where('id', '=', shiftId).executeTakeFirstOrThrow()).taken;

  it('waits for approval, takes a place on approve, wait-lists when full, and tells the volunteer', async () => {
    const a = await makeActivity(t.app, {
      orgId: tree.teamId,
      requiresApproval: true,
      shifts: [shiftAt(24, 2, { capacity: 1 })],
    });
    const shiftId = a.shiftIds[0] as string;
    const [p1, p2, p3] = [await person(), await person(), await person()];
    const s1 = (await p1.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    const s2 = (await p2.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    const s3 = (await p3.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    expect([s1.status, s2.status, s3.status]).toEqual(['applied', 'applied', 'applied']);
    expect(await taken(shiftId)).toBe(0);

    // access: anonymous 401, a volunteer 403, an outsider admin 404
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/signups/${s1.id}/approve` })).statusCode).toBe(401);
    expect((await p2.client.post(`/api/v1/signups/${s1.id}/approve`)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post(`/api/v1/signups/${s1.id}/approve`)).statusCode).toBe(404);

    for (const action of ['reject', 'no-show']) {
      const url = `/api/v1/signups/${s1.id}/${action}`;
      expect((await t.app.inject({ method: 'POST', url })).statusCode, action).toBe(401);
      expect((await p2.client.post(url)).statusCode, action).toBe(403);
      expect((await tree.otherTeamAdmin.client.post(url)).statusCode, action).toBe(404);
    }

    const ok = await admin.post(`/api/v1/signups/${s1.id}/approve`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    expect(await taken(shiftId)).toBe(1);
    expect((await admin.post(`/api/v1/signups/${s1.id}/approve`)).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/signups/${s2.id}/approve`)).json().status).toBe('waitlisted');
    const rejected = await admin.post(`/api/v1/signups/${s3.id}/reject`, { reason: '名额已满' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '名额已满' });
    // one notice when applying, one with the decision
    expect(await kindsOf(p1.userId)).toEqual(['signup_result', 'signup_result']);
    expect(await kindsOf(p3.userId)).toEqual(['signup_result', 'signup_result']);
    const bodies = await t.tdb.db.selectFrom('notifications').select('body').where('user_id', '=', p3.userId).execute();
    expect(bodies.filter((n) => n.body.includes('名额已满'))).toHaveLength(1);

    // rejecting the approved one frees the place for the wait-listed one
    expect((await admin.post(`/api/v1/signups/${s1.id}/reject`)).statusCode).toBe(200);
    const list = (await admin.get(`/api/v1/shifts/${shiftId}/signups`)).json();
    expect(list.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [s1.id, 'rejected'],
      [s2.id, 'approved'],
      [s3.id, 'rejected'],
    ]);
    expect(await kindsOf(p2.userId)).toEqual(['signup_result', 'signup_result', 'waitlist_promoted']);
    expect(await taken(shiftId)).toBe(1);
  });

  it('lets the volunteer or an organiser cancel, nobody else; lists follow the checklist', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 1 })] });
    const shiftId = a.shiftIds[0] as string;
    const [p1, p2, stranger] = [await person(), await person(), await person()];
    const s1 = (await p1.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    const s2 = (await p2.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    expect(s2.status).toBe('waitlisted');

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/signups/${s1.id}` })).statusCode).toBe(401);
    expect((await stranger.client.del(`/api/v1/signups/${s1.id}`)).statusCode).toBe(404);
    expect((await tree.otherTeamAdmin.client.del(`/api/v1/signups/${s1.id}`)).statusCode).toBe(404);

    const url = `/api/v1/shifts/${shiftId}/signups`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await p1.client.get(url)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.get(url)).statusCode).toBe(403);
    const items = (await admin.get(url)).json().items;
    expect(items[0]).toMatchObject({ id: s1.id, volunteerId: p1.id, volunteerCode: p1.volunteerCode, noShowCount: 0 });
    expect(JSON.stringify(items)).not.toContain(p1.idNumber);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/signups' })).statusCode).toBe(401);
    expect((await admin.get('/api/v1/me/signups')).statusCode).toBe(403);
    const forged = Buffer.from(JSON.stringify({ seq: 'x' })).toString('base64url');
    expect((await admin.get(`${url}?cursor=${forged}`)).statusCode).toBe(400);
    expect((await admin.get(`${url}?cursor=!!`)).statusCode).toBe(400);

    expect((await admin.del(`/api/v1/signups/${s1.id}`)).statusCode).toBe(204);
    expect((await p1.client.del(`/api/v1/signups/${s1.id}`)).statusCode).toBe(409);
    expect((await p1.client.get('/api/v1/me/signups')).json().items[0]).toMatchObject({
      id: s1.id,
      status: 'cancelled',
    });
    expect((await p2.client.get('/api/v1/me/signups?status=approved')).json().items).toHaveLength(1);
    expect(await taken(shiftId)).toBe(1);
    // a wait-listed one leaving frees nothing
    const p3 = await person();
    const s3 = (await p3.client.post(`/api/v1/shifts/${shiftId}/signups`, {})).json();
    expect(s3.status).toBe('waitlisted');
    expect((await p3.client.del(`/api/v1/signups/${s3.id}`)).statusCode).toBe(204);
    expect(await taken(shiftId)).toBe(1);
  });

  it('cancelling an activity cancels every live sign-up and notifies each volunteer', async () => {
    const a = await makeActivity(t.app, {
      orgId: tree.teamId,
      shifts: [shiftAt(24, 2, { capacity: 1 }), shiftAt(48, 2)],
    });
    const people = [await person(), await person(), await person()];
    await people[0]?.client.post(`/api/v1/shifts/${a.shiftIds[0]}/signups`, {});
    await people[1]?.client.post(`/api/v1/shifts/${a.shiftIds[0]}/signups`, {});
    await people[2]?.client.post(`/api/v1/shifts/${a.shiftIds[1]}/signups`, {});
    const url = `/api/v1/activities/${a.id}/cancel`;
    expect((await t.app.inject({ method: 'POST', url, payload: { reason: '台风' } })).statusCode).toBe(401);
    expect((await people[0]?.client.post(url, { reason: '台风' }))?.statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post(url, { reason: '台风' })).statusCode).toBe(403);
    expect((await admin.post(url, {})).statusCode).toBe(400);
    const res = await admin.post(url, { reason: '台风' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '台风' });
    expect(res.json().shifts.map((s: { taken: number; status: string }) => [s.taken, s.status])).toEqual([
      [0, 'cancelled'],
      [0, 'cancelled'],
    ]);
    for (const p of people) expect(await kindsOf(p.userId)).toEqual(['activity_cancelled', 'signup_result']);
    const live = await t.tdb.db
      .selectFrom('signups')
      .select('status')
      .where('shift_id', 'in', a.shiftIds)
      .where('status', '<>', 'cancelled')
      .execute();
    expect(live).toHaveLength(0);
    expect((await admin.post(url, { reason: '再取消' })).statusCode).toBe(409);
    // cancelled activities stay visible but leave the search
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${a.id}` })).statusCode).toBe(200);
  });
});
