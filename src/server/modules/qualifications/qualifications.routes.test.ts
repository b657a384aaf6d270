import { isoIn } from '../../../../test/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeOrganisationTree, type OrganisationTree } from '../../../../test/activity-factories.js';
import { makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { insertMembership } from '../organisations/memberships.repository.js';

describe.each(DIALECTS)('qualifications on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  it('lists the default kinds to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/qualification-kinds' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((k: { code: string; nameZh: string }) => [k.code, k.nameZh])).toEqual([
      ['driving', '驾驶'],
      ['first_aid', '急救'],
      ['legal_practice', '法律执业'],
      ['sign_language', '手语'],
    ]);
  });

  it('is recorded by an admin who sees the volunteer and read by them or the volunteer', async () => {
    const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    const self = await clientFor(t.app, v.userId);
    // A membership the volunteer accepted.
    await insertMembership(t.tdb.db, {
      organisationId: tree.teamId,
      volunteerId: v.id,
      role: 'member',
      status: 'active',
      at: isoIn(0),
    });
    const url = `/api/v1/volunteers/${v.id}/qualifications`;
    const body = { kind: 'sign_language', expiresAt: '2030-06-30' };
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await self.post(url, body)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post(url, body)).statusCode).toBe(404);
    expect((await tree.teamAdmin.client.post(url, { kind: 'wizardry' })).statusCode).toBe(422);
    expect((await tree.teamAdmin.client.post(url, { kind: 'driving', expiresAt: '30/06/2030' })).statusCode).toBe(400);
    const ok = await tree.teamAdmin.client.post(url, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: 'sign_language',
      kindName: '手语',
      expiresAt: '2030-06-30',
      verifiedBy: tree.teamAdmin.userId,
    });

    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await tree.otherTeamAdmin.client.get(url)).statusCode).toBe(404);
    expect((await self.get(url)).json().items).toHaveLength(1);
    expect((await tree.teamAdmin.client.get(url)).json().items[0].kind).toBe('sign_language');
  });
});
