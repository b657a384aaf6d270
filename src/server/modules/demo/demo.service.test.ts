import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workbench } from '../../../common/contract/workbench.js';
import { SITE_TYPES } from '../../../common/enums.js';
import { Client, createTestApp, TEST_SECRET, type TestApp } from '../../../../test/test-app.js';
import { makeRegions, REGIONS } from '../../../../test/factories.js';
import { createTestDatabase, DIALECTS } from '../../../../test/test-db.js';
import { loadConfig } from '../../config.js';
import { PersonalDataCipher } from '../../crypto.js';
import { bootstrapAdmin, seedServiceFields } from '../bootstrap/bootstrap.service.js';
import { pathOf } from '../organisations/organisations.repository.js';
import { balanceOf, walletOf } from '../points/ledger.js';
import { verifyLedger } from '../points/verify.js';
import { CHONGQING_CENTRES } from '../regions/regions.seed.js';
import { registerResident } from '../volunteers/registration.service.js';
import { JIEFANGBEI } from './demo.activities.js';
import { DEMO_PASSWORD, DEMO_VOLUNTEERS, loadDemoIfEmpty, type DemoSummary } from './demo.service.js';
import { testNow } from '../../../../test/clock.js';

const ADMIN_PASSWORD = 'admin-password-for-tests';

describe.each(DIALECTS)('the Chongqing demo on %s', (dialect) => {
  let t: TestApp;
  let summary: DemoSummary;
  const count = async (table: 'organisations' | 'sites' | 'volunteers' | 'memberships' | 'users') =>
    Number(
      (
        await t.tdb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const config = loadConfig({}, { databaseUrl: t.tdb.url, secret: TEST_SECRET, adminPassword: ADMIN_PASSWORD });
    await seedServiceFields(t.tdb.db);
    await bootstrapAdmin(t.tdb.db, ADMIN_PASSWORD);
    const log = console.log;
    console.log = () => undefined;
    try {
      const loaded = await loadDemoIfEmpty(t.tdb, config);
      if (!loaded) throw new Error('the demo did not load');
      summary = loaded;
    } finally {
      console.log = log;
    }
    console.info(`demo load on ${dialect}: ${summary.millis} ms`);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('loads only into a database without organisations', async () => {
    const before = await count('organisations');
    const config = loadConfig({}, { databaseUrl: t.tdb.url, secret: TEST_SECRET });
    expect(await loadDemoIfEmpty(t.tdb, config)).toBeNull();
    expect(await count('organisations')).toBe(before);
  });

  it('has the nine city departments with their fields', async () => {
    const departments = await t.tdb.db
      .selectFrom('organisations')
      .select(['name', 'level', 'region_code', 'fields'])
      .where('kind', '=', 'department')
      .execute();
    expect(departments.map((d) => d.name).sort()).toEqual(
      [
        '市委宣传部',
        '市生态环境局',
        '市司法局',
        '市科协',
        '市消防救援局',
        '市文化旅游委',
        '市卫生健康委',
        '团市委',
        '市残联',
      ].sort(),
    );
    expect(departments.every((d) => d.level === 'city' && d.region_code === '500000')).toBe(true);
    const ecology = departments.find((d) => d.name === '市生态环境局');
    expect(JSON.parse(ecology?.fields ?? '[]')).toEqual(['ecology']);
  });

  it('has team trees three levels deep (four for ecology) under their departments', async () => {
    const teams = await t.tdb.db
      .selectFrom('organisations')
      .select(['id', 'level', 'department_id', 'region_code'])
      .where('kind', '=', 'team')
      .execute();
    expect(new Set(teams.map((x) => x.level))).toEqual(new Set(['city', 'district', 'town', 'community']));
    expect(teams.every((x) => x.department_id !== null)).toBe(true);
    expect(summary.teamsByLevel.city).toBe(9);

    const grassroots = teams.find((x) => x.level === 'town' && x.region_code.startsWith('500106'));
    if (!grassroots) throw new Error('no grassroots team in 沙坪坝区');
    const path = await pathOf(t.tdb.db, grassroots.id);
    const rows = await t.tdb.db
      .selectFrom('organisations')
      .select(['id', 'kind', 'level', 'region_code'])
      .where(
        'id',
        'in',
        path.map((p) => p.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(path.map((p) => byId.get(p.id)?.level)).toEqual(['city', 'city', 'district', 'town']);
    expect(path.map((p) => byId.get(p.id)?.kind)).toEqual(['department', 'team', 'team', 'team']);
    expect(byId.get(path[2]?.id ?? '')?.region_code).toBe('500106');
    expect(path[0]?.id).toBe(grassroots.department_id);

    const community = teams.find((x) => x.level === 'community');
    expect(await pathOf(t.tdb.db, community?.id ?? '')).toHaveLength(5);
  });

  it('has sites of every type, each near its district centre', async () => {
    const sites = await t.tdb.db.selectFrom('sites').select(['type', 'region_code', 'lat', 'lng', 'address']).execute();
    for (const type of SITE_TYPES) expect(sites.some((s) => s.type === type)).toBe(true);
    expect(sites.filter((s) => s.type === 'supermarket').length).toBeGreaterThanOrEqual(5);
    expect(sites.filter((s) => s.type === 'youth_home').length).toBeGreaterThanOrEqual(3);
    expect(sites.filter((s) => s.type === 'guidance_centre')).toHaveLength(41);
    for (const s of sites) {
      const centre = CHONGQING_CENTRES[s.region_code.slice(0, 6)];
      if (!centre) throw new Error(`no centre for ${s.region_code}`);
      expect(Math.abs(Number(s.lat) - centre.lat)).toBeLessThan(0.5);
      expect(Math.abs(Number(s.lng) - centre.lng)).toBeLessThan(0.5);
      expect(s.address).toMatch(/^重庆市.+号$/);
    }
  });

  it('has 2,000 volunteers spread over the districts, many in teams', async () => {
    expect(await count('volunteers')).toBe(DEMO_VOLUNTEERS);
    const regions = await t.tdb.db.selectFrom('volunteers').select('region_code').execute();
    expect(new Set(regions.map((r) => r.region_code.slice(0, 6))).size).toBeGreaterThanOrEqual(30);
    const members = await t.tdb.db.selectFrom('memberships').select('volunteer_id').distinct().execute();
    expect(members.length).toBeGreaterThan(DEMO_VOLUNTEERS / 2);
    const stored = await t.tdb.db
      .selectFrom('volunteers')
      .select(['id_number_enc', 'id_number_masked'])
      .limit(5)
      .execute();
    for (const v of stored) {
      expect(v.id_number_enc).toMatch(/^v2\.[A-Za-z0-9_-]{8}\./);
      expect(v.id_number_masked).toContain('*');
    }
  });

  it('lets every demo account log in with its role', async () => {
    const expected: [string, string, string][] = [
      ['admin', ADMIN_PASSWORD, 'system_admin'],
      ['region.admin', DEMO_PASSWORD, 'region_admin'],
      ['dept.admin', DEMO_PASSWORD, 'department_admin'],
      ['team.admin', DEMO_PASSWORD, 'team_admin'],
      ['site.manager', DEMO_PASSWORD, 'site_manager'],
      ['clerk', DEMO_PASSWORD, 'clerk'],
      ['resident', DEMO_PASSWORD, 'resident'],
      [summary.volunteer.phone, DEMO_PASSWORD, 'volunteer'],
      [summary.volunteer.volunteerCode, DEMO_PASSWORD, 'volunteer'],
    ];
    for (const [login, password, role] of expected) {
      const client = await new Client(t.app).login(login, password);
      const me = (await client.get('/api/v1/me')).json() as { roles: { role: string; scopeId: string }[] };
      expect(me.roles.map((r) => r.role)).toContain(role);
      if (role === 'region_admin') expect(me.roles[0]?.scopeId).toBe('500103');
    }
  });

  it("holds activities at the site manager's site, in its calendar", async () => {
    const client = await new Client(t.app).login('site.manager', DEMO_PASSWORD);
    const siteId = ((await client.get('/api/v1/me')).json() as { roles: { scopeId: string }[] }).roles[0]?.scopeId;
    const from = new Date(testNow()).toISOString();
    const to = new Date(testNow() + 60 * 86_400_000).toISOString();
    const res = await client.get(`/api/v1/sites/${siteId}/activities?from=${from}&to=${to}`);
    const titles = (res.json() as { items: { title: string }[] }).items.map((i) => i.title);
    expect(new Set(titles)).toEqual(new Set(['社区应急救护培训', '周末公益法律咨询']));
  });

  it('has published activities with future shifts near 解放碑', async () => {
    const now = new Date(testNow()).toISOString();
    const future = await t.tdb.db
      .selectFrom('shifts')
      .innerJoin('activities', 'activities.id', 'shifts.activity_id')
      .select(['activities.id', 'activities.region_code'])
      .where('activities.status', '=', 'published')
      .where('shifts.start_at', '>', now)
      .execute();
    expect(new Set(future.map((f) => f.id)).size).toBeGreaterThanOrEqual(15);
    expect(future.some((f) => f.region_code === '500103')).toBe(true);
    const near = (
      await new Client(t.app).get(`/api/v1/activities?near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=2`)
    ).json() as { items: unknown[] };
    expect(near.items.length).toBeGreaterThan(0);
    const projects = await t.tdb.db.selectFrom('projects').select(['name', 'parent_id']).execute();
    expect(projects.map((p) => p.name)).toEqual(expect.arrayContaining(['春风满巴渝', '共护美丽长江', '艺起乡约']));
    expect(projects.filter((p) => p.parent_id !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the demo volunteer confirmed hours, two approved sign-ups and a verified points balance', async () => {
    const volunteer = await t.tdb.db
      .selectFrom('volunteers')
      .select(['id', 'confirmed_minutes'])
      .where('volunteer_code', '=', summary.volunteer.volunteerCode)
      .executeTakeFirstOrThrow();
    expect(Number(volunteer.confirmed_minutes)).toBeGreaterThan(0);
    const signups = await t.tdb.db
      .selectFrom('signups')
      .select('id')
      .where('volunteer_id', '=', volunteer.id)
      .where('status', '=', 'approved')
      .where('start_at', '>', new Date(testNow()).toISOString())
      .execute();
    expect(signups).toHaveLength(2);
    expect(await balanceOf(t.tdb.db, walletOf(volunteer.id))).toBeGreaterThan(0);
    const report = await verifyLedger(t.tdb.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('stocks every supermarket with goods', async () => {
    const supermarkets = await t.tdb.db.selectFrom('sites').select('id').where('type', '=', 'supermarket').execute();
    expect(supermarkets.length).toBeGreaterThan(0);
    for (const s of supermarkets) {
      const goods = await t.tdb.db
        .selectFrom('goods')
        .select(['stock'])
        .where('site_id', '=', s.id)
        .where('active', '=', 1)
        .execute();
      expect(goods.length).toBeGreaterThan(0);
      expect(goods.every((g) => Number(g.stock) > 0)).toBe(true);
    }
  });

  it("walks a few residents' needs to every step, each seen by whom it concerns", async () => {
    expect(summary.needs).toBe(4);
    const statuses = async (login: string, view: string) => {
      const client = await new Client(t.app).login(login, DEMO_PASSWORD);
      const res = await client.get(`/api/v1/needs?view=${view}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { status: string }[] }).items.map((n) => n.status).sort();
    };
    expect(await statuses('resident', 'mine')).toEqual(['completed', 'dispatched', 'posted', 'rated']);
    expect(await statuses('region.admin', 'board')).toEqual(['completed', 'dispatched', 'posted', 'rated']);
    expect(await statuses('site.manager', 'board')).toContain('posted');
    expect(await statuses(summary.volunteer.phone, 'team')).toEqual(['completed', 'dispatched', 'rated']);
  });

  it('holds routing rules and reports in every state, on the consoles and workbenches that answer them', async () => {
    expect(summary.reports).toBe(4);
    const as = (login: string) => new Client(t.app).login(login, DEMO_PASSWORD);
    const statuses = async (login: string, url: string) => {
      const res = await (await as(login)).get(url);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { status: string }[] }).items.map((r) => r.status).sort();
    };
    expect(await statuses('region.admin', '/api/v1/reports')).toEqual(['handled', 'routed', 'routed', 'unrouted']);
    expect(await statuses('team.admin', '/api/v1/reports')).toEqual(['handled', 'routed', 'routed']);
    expect(await statuses('resident', '/api/v1/reports/mine')).toEqual(['routed', 'unrouted']);
    expect(await statuses(summary.volunteer.phone, '/api/v1/reports/mine')).toEqual(['handled', 'routed']);
    const rules = await (await as('region.admin')).get('/api/v1/reports/routes');
    expect((rules.json() as { items: unknown[] }).items).toHaveLength(2);
    const workbench = async (login: string) =>
      ((await (await as(login)).get('/api/v1/me/workbench')).json() as Workbench).reports;
    expect(await workbench('team.admin')).toEqual({ toAnswer: 2, toRoute: null });
    expect(await workbench('region.admin')).toEqual({ toAnswer: null, toRoute: 1 });
  });
});

describe.each(DIALECTS)('a demo that cannot load on %s', (dialect) => {
  it('writes nothing and lets the server start', async () => {
    const tdb = await createTestDatabase(dialect);
    try {
      await makeRegions(tdb.db);
      const cipher = new PersonalDataCipher(TEST_SECRET);
      // Someone already registered with the demo volunteer's phone.
      await registerResident({ cipher }, tdb.db, {
        name: '张三',
        phone: '13800000001',
        password: 'a-long-password',
        regionCode: REGIONS.yuzhong,
      });
      const config = loadConfig({}, { databaseUrl: tdb.url, secret: TEST_SECRET });
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(await loadDemoIfEmpty(tdb, config)).toBeNull();
        expect(error).toHaveBeenCalledWith(expect.stringMatching(/^shanmei: the demo was not loaded: /));
      } finally {
        error.mockRestore();
      }
      const orgs = await tdb.db.selectFrom('organisations').select('id').execute();
      const volunteers = await tdb.db.selectFrom('volunteers').select('id').execute();
      const regions = await tdb.db.selectFrom('regions').select('code').execute();
      expect([orgs.length, volunteers.length, regions.length]).toEqual([0, 0, 6]);
    } finally {
      await tdb.drop();
    }
  });
});
