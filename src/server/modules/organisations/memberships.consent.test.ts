import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { isoIn } from '../../../../test/clock.js';
import { makeVolunteer, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

interface Membership {
  id: string;
  status: string;
  organisationId: string;
}

describe.each(DIALECTS)('memberships by consent on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let person: MadeVolunteer;
  let self: BearerClient;

  /** What an admin can read of the person: profile, records, points, qualifications. */
  const views = (c: BearerClient, v: MadeVolunteer) =>
    Promise.all([
      c.get(`/api/v1/volunteers/${v.id}`),
      c.get(`/api/v1/records?volunteerId=${v.id}`),
      c.get(`/api/v1/volunteers/${v.id}/points`),
      c.get(`/api/v1/volunteers/${v.id}/qualifications`),
    ]).then((rs) => rs.map((r) => r.statusCode));
  const members = async (c: BearerClient, orgId: string) =>
    (await c.get(`/api/v1/organisations/${orgId}/members`)).json().items as {
      volunteerId: string;
      volunteerName: string | null;
      status: string;
    }[];
  const inbox = async (c: BearerClient) =>
    (await c.get('/api/v1/me/notifications')).json().items as { kind: string; title: string; body: string }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    // Lives in 渝中区; the other team is 沙坪坝区's and has no duty over her.
    person = await makeVolunteer(t.app, { name: '许同意', regionCode: REGIONS.jiefangbei });
    self = await clientFor(t.app, person.userId);
  });
  afterAll(() => t.close());

  it("gives another district's admin no view of a person they invite until she accepts, nor after she declines", async () => {
    const outsider = tree.otherTeamAdmin.client;
    const before = await views(outsider, person);
    expect(before.every((s) => s === 404 || s === 403)).toBe(true);

    const invited = await outsider.post(`/api/v1/organisations/${tree.otherTeamId}/members`, {
      volunteerCode: person.volunteerCode,
      role: 'member',
    });
    expect(invited.statusCode).toBe(201);
    const m = invited.json() as Membership;
    expect(m).toMatchObject({ status: 'invited', organisationId: tree.otherTeamId });
    expect(await views(outsider, person)).toEqual(before);
    expect(await members(outsider, tree.otherTeamId)).toEqual([
      expect.objectContaining({ volunteerId: person.id, volunteerName: null, status: 'invited' }),
    ]);
    const again = await outsider.post(`/api/v1/organisations/${tree.otherTeamId}/members`, {
      volunteerCode: person.volunteerCode,
    });
    expect(again.statusCode).toBe(409);

    // She is told, in her language, and sees the invitation among her memberships.
    const notice = (await inbox(self)).find((n) => n.kind === 'membership_invited');
    expect(notice?.body).toContain('沙坪坝区生态环境志愿服务队');
    const mine = (await self.get('/api/v1/me/memberships')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ id: m.id, status: 'invited', organisationName: '沙坪坝区生态环境志愿服务队' }),
    ]);

    // The admin cannot accept on her behalf; a stranger does not even see the membership.
    expect((await outsider.post(`/api/v1/memberships/${m.id}/accept`, {})).statusCode).toBe(403);
    const stranger = await clientFor(t.app, (await makeVolunteer(t.app)).userId);
    expect((await stranger.post(`/api/v1/memberships/${m.id}/accept`, {})).statusCode).toBe(404);

    const declined = await self.post(`/api/v1/memberships/${m.id}/decline`, {});
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe('declined');
    expect(await views(outsider, person)).toEqual(before);
    expect((await members(outsider, tree.otherTeamId))[0]?.volunteerName).toBeNull();
    expect((await self.post(`/api/v1/memberships/${m.id}/accept`, {})).statusCode).toBe(409);
  });

  it('shows the person once she accepts a new invitation, and no longer once she leaves', async () => {
    const outsider = tree.otherTeamAdmin.client;
    // Service she did with each team: the other team sees its own only.
    const serve = async (orgId: string) => {
      const a = await makeActivity(t.app, { orgId, shifts: [shiftAt(-48, 2)] });
      return insertPendingRecord(t.tdb.db, {
        volunteerId: person.id,
        activityId: a.id,
        organisationId: orgId,
        startAt: isoIn(-48 * 3_600_000),
        minutes: 120,
      });
    };
    const home = await serve(tree.teamId);
    const there = await serve(tree.otherTeamId);
    const m = (
      await outsider.post(`/api/v1/organisations/${tree.otherTeamId}/members`, {
        volunteerId: person.id,
        role: 'leader',
      })
    ).json() as Membership;
    expect(m.status).toBe('invited');
    const accepted = await self.post(`/api/v1/memberships/${m.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'active', role: 'leader' });
    // Profile, records and qualifications; never the points, which are hers and her region's.
    expect(await views(outsider, person)).toEqual([200, 200, 404, 200]);
    const seen = (await outsider.get(`/api/v1/records?volunteerId=${person.id}`))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(seen).toEqual([there]);
    expect((await outsider.get(`/api/v1/records/${home}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/records/${there}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/volunteers/${person.id}`)).json().name).toBe('许同意');
    expect((await members(outsider, tree.otherTeamId))[0]).toMatchObject({ volunteerName: '许同意', status: 'active' });

    const left = await self.post(`/api/v1/memberships/${m.id}/end`, {});
    expect(left.json().status).toBe('ended');
    expect((await outsider.get(`/api/v1/volunteers/${person.id}`)).statusCode).toBe(404);
    expect((await members(outsider, tree.otherTeamId))[0]?.volunteerName).toBeNull();
    expect((await self.post(`/api/v1/memberships/${m.id}/end`, {})).statusCode).toBe(409);
  });

  it('lets a volunteer apply; the organisation answers, she is told, and either side ends it', async () => {
    const v = await makeVolunteer(t.app, { name: '申请人' });
    const vc = await clientFor(t.app, v.userId);
    const applied = await vc.post(`/api/v1/organisations/${tree.subTeamId}/applications`, {});
    expect(applied.statusCode).toBe(201);
    const m = applied.json() as Membership;
    expect(m.status).toBe('applied');
    expect((await vc.post(`/api/v1/organisations/${tree.subTeamId}/applications`, {})).statusCode).toBe(409);
    // Her application is her consent to be seen by the team she asked.
    expect(await members(tree.teamAdmin.client, tree.subTeamId)).toEqual([
      expect.objectContaining({ volunteerId: v.id, volunteerName: '申请人', status: 'applied' }),
    ]);
    expect((await vc.post(`/api/v1/memberships/${m.id}/accept`, {})).statusCode).toBe(403);

    const ok = await tree.teamAdmin.client.post(`/api/v1/memberships/${m.id}/accept`, {});
    expect(ok.json()).toMatchObject({ status: 'active' });
    expect((await inbox(vc)).map((n) => n.title)).toContain('已加入团队');

    const ended = await tree.teamAdmin.client.post(`/api/v1/memberships/${m.id}/end`, {});
    expect(ended.json().status).toBe('ended');
    expect((await inbox(vc)).map((n) => n.title)).toContain('已退出团队');
  });

  it('follows the access checklist and refuses bad input naming the field', async () => {
    const anon = (method: 'GET' | 'POST', url: string) =>
      t.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) }).then((r) => r.statusCode);
    expect(await anon('GET', '/api/v1/me/memberships')).toBe(401);
    expect(await anon('POST', `/api/v1/organisations/${tree.teamId}/applications`)).toBe(401);
    expect(await anon('POST', '/api/v1/memberships/x/accept')).toBe(401);
    // Admins are no volunteers: they neither apply nor have memberships of their own.
    expect((await tree.teamAdmin.client.post(`/api/v1/organisations/${tree.teamId}/applications`, {})).statusCode).toBe(
      403,
    );
    expect((await tree.teamAdmin.client.get('/api/v1/me/memberships')).statusCode).toBe(403);
    expect((await self.post('/api/v1/organisations/nope/applications', {})).statusCode).toBe(404);
    expect((await self.post('/api/v1/memberships/nope/end', {})).statusCode).toBe(404);
    // An admin of another organisation cannot invite into this one.
    const foreign = await tree.otherTeamAdmin.client.post(`/api/v1/organisations/${tree.teamId}/members`, {
      volunteerCode: person.volunteerCode,
    });
    expect(foreign.statusCode).toBe(403);
    const unknown = await tree.teamAdmin.client.post(`/api/v1/organisations/${tree.teamId}/members`, {
      volunteerCode: 'NO-SUCH-CODE',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.field).toBe('volunteerCode');
    const extra = await self.post(`/api/v1/organisations/${tree.teamId}/applications`, { role: 'leader' });
    expect(extra.statusCode).toBe(400);
  });
});
