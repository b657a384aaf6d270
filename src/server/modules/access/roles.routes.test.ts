import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { grant, makeRegions, makeUser, makeVolunteer, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { nowIso } from '../../ids.js';
import { insertMembership } from '../organisations/memberships.repository.js';
import { insertOrganisation } from '../organisations/organisations.repository.js';
import { insertSite } from '../sites/sites.repository.js';

describe.each(DIALECTS)('roles on %s', (dialect) => {
  let t: TestApp;
  let sys: Client;
  let yuzhongAdmin: Client;
  let target: { id: string; username: string };
  let deptId: string;
  let teamId: string;
  let shopId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.tdb.db;
    await makeRegions(db);
    deptId = await insertOrganisation(db, {
      name: '团市委',
      kind: 'department',
      level: 'city',
      regionCode: REGIONS.city,
      parentId: null,
      departmentId: null,
      fields: [],
    });
    teamId = await insertOrganisation(db, {
      name: '渝中青年志愿者协会',
      kind: 'team',
      level: 'district',
      regionCode: REGIONS.yuzhong,
      parentId: deptId,
      departmentId: deptId,
      fields: [],
    });
    shopId = await insertSite(db, {
      name: '解放碑积分超市',
      type: 'supermarket',
      regionCode: REGIONS.jiefangbei,
      address: '民族路',
      lat: 29.55,
      lng: 106.57,
      organisationId: teamId,
    });
    const a = await makeUser(db, { roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }] });
    const b = await makeUser(db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] });
    target = await makeUser(db);
    sys = await new Client(t.app).login(a.username, PASSWORD);
    yuzhongAdmin = await new Client(t.app).login(b.username, PASSWORD);
  });
  afterAll(() => t.close());

  it('follows the access checklist', async () => {
    const body = { userId: target.id, role: 'team_admin', scopeType: 'organisation', scopeId: teamId };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/roles', payload: body })).statusCode).toBe(401);
    const plain = await new Client(t.app).login(target.username, PASSWORD);
    expect((await plain.post('/api/v1/roles', body)).statusCode).toBe(403);
    // 渝中's admin cannot grant in 沙坪坝
    const other = await yuzhongAdmin.post('/api/v1/roles', {
      userId: target.id,
      role: 'region_admin',
      scopeType: 'region',
      scopeId: REGIONS.shapingba,
    });
    expect(other.statusCode).toBe(403);
    const ok = await yuzhongAdmin.post('/api/v1/roles', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ userId: target.id, role: 'team_admin', scopeId: teamId });
    const me = (await plain.get('/api/v1/me')).json();
    expect(me.roles).toEqual([{ role: 'team_admin', scopeType: 'organisation', scopeId: teamId }]);
    expect((await yuzhongAdmin.post('/api/v1/roles', body)).statusCode).toBe(409);
  });

  it('checks that the scope suits the role and exists', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ role: 'region_admin', scopeType: 'organisation', scopeId: teamId }, 422],
      [{ role: 'department_admin', scopeType: 'organisation', scopeId: teamId }, 422],
      [{ role: 'region_admin', scopeType: 'region', scopeId: '999999' }, 422],
      [{ role: 'clerk', scopeType: 'site', scopeId: 'nope' }, 422],
      [{ role: 'wizard', scopeType: 'system', scopeId: 'system' }, 400],
    ];
    for (const [g, status] of cases) {
      const res = await sys.post('/api/v1/roles', { userId: target.id, ...g });
      expect(res.statusCode, JSON.stringify(g)).toBe(status);
    }
    const noUser = await sys.post('/api/v1/roles', {
      userId: 'ghost',
      role: 'clerk',
      scopeType: 'site',
      scopeId: shopId,
    });
    expect(noUser.statusCode).toBe(404);
  });

  it('keeps system_admin for system admins and audits grants and revocations', async () => {
    const up = await yuzhongAdmin.post('/api/v1/roles', {
      userId: target.id,
      role: 'system_admin',
      scopeType: 'system',
      scopeId: 'system',
    });
    expect(up.statusCode).toBe(403);
    const clerk = await yuzhongAdmin.post('/api/v1/roles', {
      userId: target.id,
      role: 'clerk',
      scopeType: 'site',
      scopeId: shopId,
    });
    expect(clerk.statusCode).toBe(201);
    const revoke = await yuzhongAdmin.del(`/api/v1/roles/${clerk.json().id}`);
    expect(revoke.statusCode).toBe(204);
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', target.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['role.grant', 'role.grant', 'role.revoke']);
    const list = await sys.get(`/api/v1/users/${target.id}/roles`);
    expect(list.json().items.map((g: { role: string }) => g.role)).toEqual(['team_admin']);
    // The target has no region: no region admin reads their grants.
    expect((await yuzhongAdmin.get(`/api/v1/users/${target.id}/roles`)).statusCode).toBe(404);
  });

  describe('department and region admins', () => {
    let member: Awaited<ReturnType<typeof makeVolunteer>>;
    let outsider: Awaited<ReturnType<typeof makeVolunteer>>;
    let deptAdmin: Client;
    let otherDeptAdmin: Client;
    let teamAdmin: Client;
    let shapingbaAdmin: Client;
    let plain: Client;
    let otherDeptId: string;

    beforeAll(async () => {
      const db = t.tdb.db;
      otherDeptId = await insertOrganisation(db, {
        name: '市民政局',
        kind: 'department',
        level: 'city',
        regionCode: REGIONS.city,
        parentId: null,
        departmentId: null,
        fields: [],
      });
      member = await makeVolunteer(t.app, { name: '冯队员', regionCode: REGIONS.jiefangbei });
      outsider = await makeVolunteer(t.app, { name: '冯路人', regionCode: REGIONS.jiefangbei });
      await insertMembership(db, {
        organisationId: teamId,
        volunteerId: member.id,
        role: 'member',
        status: 'active',
        at: nowIso(),
      });
      const login = async (role: 'department_admin' | 'team_admin' | 'region_admin', type: string, id: string) => {
        const u = await makeUser(db);
        await grant(db, u.id, role, type as 'organisation' | 'region', id);
        return new Client(t.app).login(u.username, PASSWORD);
      };
      deptAdmin = await login('department_admin', 'organisation', deptId);
      otherDeptAdmin = await login('department_admin', 'organisation', otherDeptId);
      teamAdmin = await login('team_admin', 'organisation', teamId);
      shapingbaAdmin = await login('region_admin', 'region', REGIONS.shapingba);
      plain = await new Client(t.app).login(outsider.phone, PASSWORD);
      // The member holds a role in the department's team and one elsewhere, granted by the system admin.
      for (const g of [
        { role: 'team_admin', scopeType: 'organisation', scopeId: teamId },
        { role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba },
      ]) {
        expect((await sys.post('/api/v1/roles', { userId: member.userId, ...g })).statusCode).toBe(201);
      }
    });

    it('find the people of their department to grant a role to, as a membership shows them', async () => {
      const search = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/volunteers/search', body);
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/v1/volunteers?organisationId=${deptId}` })).statusCode,
      ).toBe(401);
      expect((await plain.get(`/api/v1/volunteers?organisationId=${deptId}`)).statusCode).toBe(403);
      expect((await otherDeptAdmin.get(`/api/v1/volunteers?organisationId=${deptId}`)).statusCode).toBe(404);
      expect((await deptAdmin.get('/api/v1/volunteers?organisationId=nope')).statusCode).toBe(404);
      // A region is still for region admins only.
      expect((await deptAdmin.get(`/api/v1/volunteers?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
      expect(
        (await deptAdmin.get(`/api/v1/volunteers?organisationId=${deptId}&regionCode=${REGIONS.yuzhong}`)).statusCode,
      ).toBe(400);

      const all = await deptAdmin.get(`/api/v1/volunteers?organisationId=${deptId}`);
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((v: { id: string }) => v.id)).toEqual([member.id]);
      expect(all.json().items[0].idNumber).not.toContain(member.idNumber);
      const byName = await search(deptAdmin, { organisationId: deptId, q: '冯' });
      expect(byName.json().items.map((v: { name: string }) => v.name)).toEqual(['冯队员']);
      const byPhone = await search(deptAdmin, { organisationId: deptId, phone: member.phone });
      expect(byPhone.json().items.map((v: { id: string }) => v.id)).toEqual([member.id]);
      expect((await search(deptAdmin, { organisationId: deptId, phone: outsider.phone })).json().items).toEqual([]);
      // The team's own admin finds its members too, and so does the region's admin.
      expect((await teamAdmin.get(`/api/v1/volunteers?organisationId=${teamId}`)).json().items).toHaveLength(1);
      expect((await yuzhongAdmin.get(`/api/v1/volunteers?organisationId=${teamId}`)).json().items).toHaveLength(1);
    });

    it('grant in their department, with the person picked from it', async () => {
      const body = { userId: member.userId, role: 'team_admin', scopeType: 'organisation', scopeId: teamId };
      // Already held (the system admin granted it): the department admin meets the duplicate, not a 403.
      expect((await deptAdmin.post('/api/v1/roles', body)).statusCode).toBe(409);
      expect((await otherDeptAdmin.post('/api/v1/roles', body)).statusCode).toBe(403);
      const ok = await deptAdmin.post('/api/v1/roles', { ...body, userId: outsider.userId });
      expect(ok.statusCode).toBe(201);
      expect((await deptAdmin.del(`/api/v1/roles/${ok.json().id}`)).statusCode).toBe(204);
    });

    it("read a person's roles: the region's admin all of them, the department's admin those in its scopes", async () => {
      const u = `/api/v1/users/${member.userId}/roles`;
      const roles = async (c: Client) => {
        const res = await c.get(u);
        return res.statusCode === 200
          ? res
              .json()
              .items.map((g: { role: string; scopeId: string }) => `${g.role}@${g.scopeId}`)
              .sort()
          : res.statusCode;
      };
      expect((await t.app.inject({ method: 'GET', url: u })).statusCode).toBe(401);
      expect(await roles(plain)).toBe(403);
      expect(await roles(teamAdmin)).toBe(403);
      expect(await roles(sys)).toEqual([
        `region_admin@${REGIONS.shapingba}`,
        `team_admin@${teamId}`,
        'volunteer@system',
      ]);
      expect(await roles(yuzhongAdmin)).toEqual(await roles(sys));
      expect(await roles(deptAdmin)).toEqual([`team_admin@${teamId}`]);
      // Out of scope: another region (the person lives in 渝中), another department, a stranger to the department.
      expect(await roles(shapingbaAdmin)).toBe(404);
      expect(await roles(otherDeptAdmin)).toBe(404);
      expect((await deptAdmin.get(`/api/v1/users/${outsider.userId}/roles`)).statusCode).toBe(404);
      expect((await deptAdmin.get('/api/v1/users/ghost/roles')).statusCode).toBe(404);
      // Oneself, always.
      expect((await plain.get(`/api/v1/users/${outsider.userId}/roles`)).statusCode).toBe(200);
    });
  });
});
