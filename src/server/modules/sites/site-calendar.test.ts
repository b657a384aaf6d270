import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  shiftAt,
  type BearerClient,
} from '../../../../test/activity-factories.js';
import { JIEFANGBEI_PRACTICE_POINT, makeUser } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { insertSite } from './sites.repository.js';
import { testNow } from '../../../../test/clock.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(DIALECTS)('GET /sites/:id/activities on %s', (dialect) => {
  let t: TestApp;
  let siteId: string;
  let otherSiteId: string;
  let manager: BearerClient;
  let otherManager: BearerClient;
  let teamAdmin: BearerClient;
  const now = testNow();
  const week = `from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now + 7 * DAY))}`;
  const calendar = (c: BearerClient | null, query = week, id = siteId) =>
    c
      ? c.get(`/api/v1/sites/${id}/activities?${query}`)
      : t.app.inject({ method: 'GET', url: `/api/v1/sites/${id}/activities?${query}` });
  const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    const place = JIEFANGBEI_PRACTICE_POINT;
    siteId = await insertSite(db, { ...place, name: '解放碑实践站', address: '民族路 1 号', organisationId: null });
    otherSiteId = await insertSite(db, { ...place, name: '七星岗实践站', address: '中山一路', organisationId: null });
    const staff = async (scopeId: string) =>
      clientFor(t.app, (await makeUser(db, { roles: [{ role: 'site_manager', scopeType: 'site', scopeId }] })).id);
    manager = await staff(siteId);
    otherManager = await staff(otherSiteId);
    teamAdmin = tree.teamAdmin.client;
    const at = async (
      title: string,
      id: string,
      status: 'draft' | 'published',
      shifts: ReturnType<typeof shiftAt>[],
    ) => {
      const a = await makeActivity(t.app, { orgId: tree.teamId, title, status, shifts });
      await db.updateTable('activities').set({ site_id: id }).where('id', '=', a.id).execute();
      return a;
    };
    await at('周末读书会', siteId, 'published', [shiftAt(48, 2), shiftAt(24, 3)]);
    await at('筹备中的讲座', siteId, 'draft', [shiftAt(72)]);
    await at('下月的义诊', siteId, 'published', [shiftAt(24 * 20)]);
    await at('隔壁站的活动', otherSiteId, 'published', [shiftAt(30)]);
    // Placed at an address, not at a site: never in a site's calendar.
    await makeActivity(t.app, { orgId: tree.teamId, title: '街头宣传', shifts: [shiftAt(26)] });
  });
  afterAll(() => t.close());

  it('shows anyone the published shifts held at the site in the window, earliest first', async () => {
    const res = await calendar(null);
    expect(res.statusCode).toBe(200);
    expect(titles(res)).toEqual(['周末读书会', '周末读书会']);
    const [first, second] = res.json().items;
    expect(first.start < second.start).toBe(true);
    expect(first).toMatchObject({ activityStatus: 'published', shiftStatus: 'open', capacity: 10, taken: 0 });
    expect(first.organisationName).toBe('渝中区生态环境志愿服务队');
    expect(res.json().truncated).toBe(false);
    const month = `from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now + 31 * DAY))}`;
    expect(titles(await calendar(null, month))).toEqual(['周末读书会', '周末读书会', '下月的义诊']);
  });

  it('shows drafts to the site manager and admins over the organiser, never to others', async () => {
    expect(titles(await calendar(manager))).toEqual(['周末读书会', '周末读书会', '筹备中的讲座']);
    const draft = (await calendar(manager)).json().items[2];
    expect(draft.activityStatus).toBe('draft');
    expect(titles(await calendar(otherManager))).toEqual(['周末读书会', '周末读书会']);
    // The team admin organises the draft but does not act for this site: the public view.
    expect(titles(await calendar(teamAdmin))).toEqual(['周末读书会', '周末读书会']);
    expect(titles(await calendar(otherManager, week, otherSiteId))).toEqual(['隔壁站的活动']);
  });

  it('answers 404 for an unknown site', async () => {
    expect((await calendar(null, week, 'none')).statusCode).toBe(404);
  });

  it('refuses a missing, reversed or too long window naming the field', async () => {
    const cases: [string, string][] = [
      [`from=${encodeURIComponent(iso(now))}`, 'to'],
      [`to=${encodeURIComponent(iso(now))}`, 'from'],
      [`from=yesterday&to=${encodeURIComponent(iso(now))}`, 'from'],
      [`from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now - DAY))}`, 'to'],
      [`from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now + 93 * DAY))}`, 'to'],
      [`${week}&status=draft`, 'status'],
    ];
    for (const [query, field] of cases) {
      const res = await calendar(null, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(field);
    }
    const quarter = `from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now + 92 * DAY))}`;
    expect((await calendar(null, quarter)).statusCode).toBe(200);
  });
});
