import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeOrganisationTree } from '../../../../test/activity-factories.js';
import { makeRegions, makeUser, PASSWORD, REGIONS } from '../../../../test/factories.js';

// 解放碑 (渝中) and 三峡广场 (沙坪坝), about 8 km apart.
const JIEFANGBEI = { lat: 29.5576, lng: 106.5774 };
const SANXIA = { lat: 29.5566, lng: 106.4567 };

describe.each(DIALECTS)('sites on %s', (dialect) => {
  let t: TestApp;
  let yuzhongAdmin: Client;
  let volunteerish: Client;
  const site = (over: Record<string, unknown> = {}) => ({
    name: '解放碑新时代文明实践站',
    type: 'practice_point',
    regionCode: REGIONS.jiefangbei,
    address: '渝中区民族路 1 号',
    ...JIEFANGBEI,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    const a = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    const b = await makeUser(t.tdb.db, { roles: [{ role: 'volunteer', scopeType: 'system', scopeId: 'system' }] });
    yuzhongAdmin = await new Client(t.app).login(a.username, PASSWORD);
    volunteerish = await new Client(t.app).login(b.username, PASSWORD);
  });
  afterAll(() => t.close());

  it('follows the access checklist for creation', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/sites', payload: site() })).statusCode).toBe(401);
    expect((await volunteerish.post('/api/v1/sites', site())).statusCode).toBe(403);
    const outside = await yuzhongAdmin.post('/api/v1/sites', site({ regionCode: REGIONS.xiaolongkan, ...SANXIA }));
    expect(outside.statusCode).toBe(403);
    const ok = await yuzhongAdmin.post('/api/v1/sites', site({ facilities: ['无障碍通道'] }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      type: 'practice_point',
      regionCode: REGIONS.jiefangbei,
      facilities: ['无障碍通道'],
    });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/sites/${ok.json().id}` });
    expect(got.json().name).toBe('解放碑新时代文明实践站');
  });

  it('validates coordinates, type and region', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [site({ lat: 95 }), 400, 'lat'],
      [site({ type: 'castle' }), 400, 'type'],
      [site({ regionCode: '123456' }), 422, 'regionCode'],
      [site({ name: '' }), 400, 'name'],
      [site({ secret: 1 }), 400, 'secret'],
    ];
    for (const [body, status, field] of cases) {
      const res = await yuzhongAdmin.post('/api/v1/sites', body);
      expect(res.statusCode, field).toBe(status);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('searches by type, region and distance, nearest first', async () => {
    const sys = await makeUser(t.tdb.db, { roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }] });
    const c = await new Client(t.app).login(sys.username, PASSWORD);
    for (const [i, dLat] of [0.001, 0.01, 0.02].entries()) {
      await c.post('/api/v1/sites', site({ name: `渝中站${i}`, type: 'youth_home', lat: JIEFANGBEI.lat + dLat }));
    }
    await c.post(
      '/api/v1/sites',
      site({ name: '沙坪坝超市', type: 'supermarket', regionCode: REGIONS.xiaolongkan, ...SANXIA }),
    );

    const near = (
      await t.app.inject({ method: 'GET', url: `/api/v1/sites?near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=3` })
    ).json();
    const names = near.items.map((s: { name: string }) => s.name);
    expect(names).toEqual(['解放碑新时代文明实践站', '渝中站0', '渝中站1', '渝中站2']);
    const d = near.items.map((s: { distanceM: number }) => s.distanceM);
    expect(d).toEqual([...d].sort((a: number, b: number) => a - b));

    const wide = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/sites?near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=20&limit=3`,
      })
    ).json();
    expect(wide.items).toHaveLength(3);
    const rest = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/sites?near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=20&cursor=${wide.nextCursor}`,
      })
    ).json();
    expect(rest.items.map((s: { name: string }) => s.name)).toEqual(['渝中站2', '沙坪坝超市']);
    expect(rest.nextCursor).toBeNull();

    const byType = (await t.app.inject({ method: 'GET', url: '/api/v1/sites?type=supermarket' })).json();
    expect(byType.items.map((s: { name: string }) => s.name)).toEqual(['沙坪坝超市']);
    const byRegion = (await t.app.inject({ method: 'GET', url: `/api/v1/sites?region=${REGIONS.yuzhong}` })).json();
    expect(byRegion.items).toHaveLength(4);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/sites?near=north' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('near');
  });

  it('answers 404 for an unknown site', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sites/none' })).statusCode).toBe(404);
  });

  it('lets a team admin place a site for their team only within the team region', async () => {
    const tree = await makeOrganisationTree(t.app);
    const admin = tree.teamAdmin.client;
    const count = async () => (await t.tdb.db.selectFrom('sites').select('id').execute()).length;
    const before = await count();
    // The team is 渝中区's: 沙坪坝 lies outside it, whoever manages the site.
    const abroad = await admin.post(
      '/api/v1/sites',
      site({ regionCode: REGIONS.xiaolongkan, organisationId: tree.teamId, ...SANXIA }),
    );
    expect(abroad.statusCode).toBe(403);
    expect(await count()).toBe(before);
    const home = await admin.post('/api/v1/sites', site({ organisationId: tree.teamId }));
    expect(home.statusCode).toBe(201);
    expect(home.json()).toMatchObject({ regionCode: REGIONS.jiefangbei, organisationId: tree.teamId });
  });
});
