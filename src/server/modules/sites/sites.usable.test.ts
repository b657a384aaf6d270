import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JIEFANGBEI,
  makeOrganisationTree,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { insertSite } from './sites.repository.js';

/**
 * Where an organisation may hold its activities: any site in its region or below (the
 * public 新时代文明实践 sites of the area it serves) and its own sites wherever they are —
 * offered by `GET /sites?usableBy=` and enforced when an activity is placed at a site.
 */
describe.each(DIALECTS)('sites an organisation may hold activities at, on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  const site = { publicInRegion: '', ownElsewhere: '', foreign: '' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const make = (name: string, regionCode: string, organisationId: string | null) =>
      insertSite(t.tdb.db, { name, type: 'practice_point', regionCode, address: name, ...JIEFANGBEI, organisationId });
    // The team is 渝中区's: 解放碑街道 lies under it, 沙坪坝区 does not.
    site.publicInRegion = await make('解放碑新时代文明实践站', '500103003', null);
    site.ownElsewhere = await make('沙坪坝江岸服务点', '500106001', tree.teamId);
    site.foreign = await make('小龙坎新时代文明实践站', '500106001', tree.otherTeamId);
  });
  afterAll(() => t.close());

  it('lists the sites of the region and the organisation’s own, searchable by name', async () => {
    const ids = async (q: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/sites?usableBy=${tree.teamId}${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((s) => s.id).sort();
    };
    expect(await ids('')).toEqual([site.publicInRegion, site.ownElsewhere].sort());
    expect(await ids(`&q=${encodeURIComponent('解放碑')}`)).toEqual([site.publicInRegion]);
    expect(await ids(`&q=${encodeURIComponent('%')}`)).toEqual([site.publicInRegion, site.ownElsewhere].sort());
    // the other team sees its own region's sites, not 渝中区's
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/sites?usableBy=${tree.otherTeamId}` });
    expect((other.json().items as { id: string }[]).map((s) => s.id).sort()).toEqual(
      [site.ownElsewhere, site.foreign].sort(),
    );
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/sites?usableBy=nope' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toEqual({ reason: 'no_such_organisation', field: 'query.usableBy' });
  });

  it('places an activity only at such a site, saying why otherwise', async () => {
    const body = (siteId: string) => ({
      organisationId: tree.teamId,
      title: '文明实践宣讲',
      field: 'ecology',
      siteId,
      radiusM: 200,
      requiresApproval: false,
      shifts: [{ start: shiftAt(24).start, end: shiftAt(24).end, capacity: 20 }],
    });
    const create = (siteId: string) => tree.teamAdmin.client.post('/api/v1/activities', body(siteId));
    for (const ok of [site.publicInRegion, site.ownElsewhere]) {
      const res = await create(ok);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().siteId).toBe(ok);
    }
    const foreign = await create(site.foreign);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ details: { field: 'siteId' } });
    expect(foreign.json().error.message).toMatch(/outside the organisation's region/);
    const count = await t.tdb.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('site_id', '=', site.foreign)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
