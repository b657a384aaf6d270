import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeRegions, makeUser, PASSWORD, REGIONS } from '../../../../test/factories.js';
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
    expect((await yuzhongAdmin.get(`/api/v1/users/${target.id}/roles`)).statusCode).toBe(404);
  });
});
