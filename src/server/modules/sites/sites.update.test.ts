import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeOrganisationTree, type BearerClient } from '../../../../test/activity-factories.js';
import { JIEFANGBEI_PRACTICE_POINT, makeUser, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { auditOf } from '../../platform/audit/audit.repository.js';
import { insertSite } from './sites.repository.js';

describe.each(DIALECTS)('PATCH /sites/:id on %s', (dialect) => {
  let t: TestApp;
  let siteId: string;
  let otherSiteId: string;
  let manager: BearerClient;
  let managerUserId: string;
  let otherManager: BearerClient;
  let volunteer: BearerClient;
  let regionAdmin: BearerClient;
  let farRegionAdmin: BearerClient;
  const url = () => `/api/v1/sites/${siteId}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    const place = JIEFANGBEI_PRACTICE_POINT;
    siteId = await insertSite(db, {
      ...place,
      name: '解放碑实践站',
      address: '民族路 1 号',
      organisationId: tree.teamId,
    });
    otherSiteId = await insertSite(db, {
      ...place,
      name: '七星岗实践站',
      address: '中山一路 2 号',
      organisationId: null,
    });
    const user = async (role: Parameters<typeof makeUser>[1]) => {
      const u = await makeUser(db, role);
      return { id: u.id, client: await clientFor(t.app, u.id) };
    };
    const m = await user({ roles: [{ role: 'site_manager', scopeType: 'site', scopeId: siteId }] });
    manager = m.client;
    managerUserId = m.id;
    otherManager = (await user({ roles: [{ role: 'site_manager', scopeType: 'site', scopeId: otherSiteId }] })).client;
    volunteer = (await user({ roles: [{ role: 'volunteer', scopeType: 'system', scopeId: 'system' }] })).client;
    regionAdmin = (await user({ roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] }))
      .client;
    farRegionAdmin = (
      await user({ roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba }] })
    ).client;
  });
  afterAll(() => t.close());

  it('follows the access checklist: anonymous 401, wrong role 403, other scope 404, the manager 200', async () => {
    const change = { openingHours: '周二至周日 9:00-17:00' };
    expect((await t.app.inject({ method: 'PATCH', url: url(), payload: change })).statusCode).toBe(401);
    expect((await volunteer.patch(url(), change)).statusCode).toBe(403);
    expect((await otherManager.patch(url(), change)).statusCode).toBe(404);
    expect((await farRegionAdmin.patch(url(), change)).statusCode).toBe(404);
    expect((await manager.patch('/api/v1/sites/none', change)).statusCode).toBe(404);
    const ok = await manager.patch(url(), change);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: siteId, openingHours: '周二至周日 9:00-17:00', name: '解放碑实践站' });
    const got = await t.app.inject({ method: 'GET', url: url() });
    expect(got.json().openingHours).toBe('周二至周日 9:00-17:00');
  });

  it('lets an admin over the region change the rest, and audits every change with the fields named', async () => {
    const res = await regionAdmin.patch(url(), {
      address: '民族路 3 号',
      lat: 29.558,
      lng: 106.578,
      facilities: ['无障碍通道', '饮水点'],
      accessibility: '轮椅可从东门进入',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      address: '民族路 3 号',
      lat: 29.558,
      lng: 106.578,
      facilities: ['无障碍通道', '饮水点'],
      accessibility: '轮椅可从东门进入',
      openingHours: '周二至周日 9:00-17:00',
    });
    const cleared = await manager.patch(url(), { accessibility: null });
    expect(cleared.json().accessibility).toBeNull();
    const audit = (await auditOf(t.tdb.db, 'site', siteId)).filter((e) => e.action === 'site.update');
    expect(audit).toHaveLength(3);
    expect(audit.map((e) => e.actor_user_id)).toContain(managerUserId);
    expect(audit.map((e) => JSON.parse(e.details) as { fields: string[] })).toContainEqual({
      fields: ['accessibility'],
    });
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: url() })).json();
    const auditBefore = (await auditOf(t.tdb.db, 'site', siteId)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'openingHours'],
      [{ lat: 95, lng: 106.5 }, 'lat'],
      [{ lat: 29.5 }, 'lng'],
      [{ openingHours: 'x'.repeat(201) }, 'openingHours'],
      [{ facilities: [''] }, 'facilities'],
      [{ address: '' }, 'address'],
      [{ name: '改名' }, 'name'],
      [{ type: 'supermarket' }, 'type'],
    ];
    for (const [body, field] of cases) {
      const res = await manager.patch(url(), body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: url() })).json()).toEqual(before);
    expect(await auditOf(t.tdb.db, 'site', siteId)).toHaveLength(auditBefore);
  });
});
