import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { localMidnight } from '../../../common/zoned-time.js';
import { REGIONS } from '../../../../test/factories.js';
import { freezeClock, testNow, type FrozenClock } from '../../../../test/clock.js';
import { makeStatsCity, STATS_CITY_NOW, STATS_YEAR as YEAR, type StatsCity } from '../../../../test/stats-city.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

/**
 * The overview, its filters and its export, on a small city with known figures
 * (test/stats-city.ts).
 */
describe.each(DIALECTS)('stats overview on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock;
  let tree: StatsCity['tree'];
  let healthDept: StatsCity['healthDept'];
  let v1: StatsCity['v1'];
  let v2: StatsCity['v2'];
  let v3: StatsCity['v3'];
  const get = (qs = '') => t.app.inject({ method: 'GET', url: `/api/v1/stats/overview${qs ? `?${qs}` : ''}` });

  beforeAll(async () => {
    clock = freezeClock(STATS_CITY_NOW);
    t = await createTestApp(dialect);
    ({ tree, healthDept, v1, v2, v3 } = await makeStatsCity(t));
  });
  afterAll(async () => {
    await t.close();
    clock.restore();
  });

  it('counts a known city exactly, per district and per month', async () => {
    const res = await get(YEAR);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      regionCode: REGIONS.city,
      regionName: '重庆市',
      departmentId: null,
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      volunteers: 4,
      activeVolunteers: 3,
      teamsByLevel: { city: 0, district: 3, town: 1, community: 0 },
      sessions: 3,
      participations: 3,
      peopleServed: 42,
      minutes: 225,
      hours: 3.7,
      pointsIssued: 30,
      pointsRedeemed: 14,
    });
    expect(s.sitesByType).toEqual({
      guidance_centre: 0,
      town_centre: 0,
      practice_point: 1,
      industry_base: 0,
      youth_home: 0,
      legal_station: 0,
      supermarket: 2,
      other: 0,
    });
    expect(s.byRegion).toEqual([
      {
        regionCode: REGIONS.yuzhong,
        name: '渝中区',
        volunteers: 2,
        activeVolunteers: 2,
        teams: 3,
        sites: 1,
        sessions: 2,
        participations: 2,
        peopleServed: 37,
        minutes: 165,
        hours: 2.7,
        pointsIssued: 20,
        pointsRedeemed: 10,
      },
      {
        regionCode: REGIONS.shapingba,
        name: '沙坪坝区',
        volunteers: 1,
        activeVolunteers: 1,
        teams: 1,
        sites: 1,
        sessions: 1,
        participations: 1,
        peopleServed: 5,
        minutes: 60,
        hours: 1,
        pointsIssued: 10,
        pointsRedeemed: 4,
      },
      {
        regionCode: REGIONS.liangjiang,
        name: '两江新区',
        volunteers: 1,
        activeVolunteers: 0,
        teams: 0,
        sites: 1,
        sessions: 0,
        participations: 0,
        peopleServed: 0,
        minutes: 0,
        hours: 0,
        pointsIssued: 0,
        pointsRedeemed: 0,
      },
    ]);
    expect(s.atRegionItself).toMatchObject({
      regionCode: REGIONS.city,
      volunteers: 0,
      sessions: 0,
      minutes: 0,
      teams: 0,
    });
    expect(s.byField).toEqual([
      expect.objectContaining({ field: 'ecology', sessions: 3, participations: 3, minutes: 225, pointsIssued: 30 }),
    ]);
    const months = s.byMonth as Record<string, unknown>[];
    expect(months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const pick = (m: Record<string, unknown>) => [
      m.hours,
      m.sessions,
      m.peopleServed,
      m.pointsIssued,
      m.pointsRedeemed,
      m.newVolunteers,
    ];
    expect(pick(months[0] as Record<string, unknown>)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(pick(months[1] as Record<string, unknown>)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(pick(months[2] as Record<string, unknown>)).toEqual([2, 1, 30, 20, 0, 1]);
    // The revoked record leaves April with no session and no hours; its points came back.
    expect(pick(months[3] as Record<string, unknown>)).toEqual([0, 0, 0, 0, 0, 1]);
    // 05-01 01:00 local is May although it is still 30 April in UTC.
    expect(pick(months[4] as Record<string, unknown>)).toEqual([1.7, 2, 12, 10, 0, 0]);
    expect(pick(months[5] as Record<string, unknown>)).toEqual([0, 0, 0, 0, 14, 0]);
    expect(months[4]).toMatchObject({ from: '2026-04-30T16:00:00.000Z', to: '2026-05-31T16:00:00.000Z' });
  });

  it('filters by region: a district leaves its neighbour out and breaks down into its streets', async () => {
    const s = (await get(`regionCode=${REGIONS.shapingba}&${YEAR}`)).json();
    expect(s).toMatchObject({
      regionCode: REGIONS.shapingba,
      volunteers: 1,
      activeVolunteers: 1,
      teamsByLevel: { district: 1, town: 0 },
      sessions: 1,
      peopleServed: 5,
      hours: 1,
      pointsIssued: 10,
      pointsRedeemed: 4,
    });
    expect(s.sitesByType.supermarket).toBe(1);
    expect(s.byRegion).toEqual([
      expect.objectContaining({ regionCode: REGIONS.xiaolongkan, volunteers: 1, sessions: 1, hours: 1 }),
    ]);
    const street = (await get(`regionCode=${REGIONS.jiefangbei}&${YEAR}`)).json();
    expect(street).toMatchObject({ volunteers: 1, sessions: 1, peopleServed: 30, hours: 2, byRegion: [] });
    // A4 took place at 渝中区 itself: under none of its streets, in the row of the district itself.
    const district = (await get(`regionCode=${REGIONS.yuzhong}&${YEAR}`)).json();
    expect(district.atRegionItself).toMatchObject({
      volunteers: 1,
      sessions: 1,
      participations: 1,
      peopleServed: 7,
      minutes: 45,
    });
  });

  it('filters by department: its organisations, their activities, records, sites and members', async () => {
    const s = (await get(`departmentId=${tree.departmentId}&${YEAR}`)).json();
    expect(s).toMatchObject({
      departmentId: tree.departmentId,
      volunteers: 2,
      activeVolunteers: 2,
      teamsByLevel: { district: 2, town: 1 },
      sessions: 2,
      peopleServed: 35,
      hours: 3,
      pointsIssued: 30,
      pointsRedeemed: 10,
    });
    expect(s.sitesByType).toMatchObject({ supermarket: 1, practice_point: 0 });
    const health = (await get(`departmentId=${healthDept}&regionCode=${REGIONS.yuzhong}&${YEAR}`)).json();
    expect(health).toMatchObject({ volunteers: 1, sessions: 1, peopleServed: 7, hours: 0.7, pointsIssued: 0 });
  });

  it('filters by window, local days and instants alike', async () => {
    const april = (await get('from=2026-04-01&to=2026-04-30')).json();
    expect(april).toMatchObject({ sessions: 0, participations: 0, hours: 0, pointsIssued: 0 });
    expect(april.byMonth.map((m: { month: string }) => m.month)).toEqual(['2026-04']);
    const winter = (await get('from=2025-12-01&to=2026-03-31')).json();
    expect(winter).toMatchObject({ sessions: 1, peopleServed: 30, hours: 2, pointsRedeemed: 0 });
    expect(winter.byMonth.map((m: { month: string; sessions: number }) => [m.month, m.sessions])).toEqual([
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    const at = encodeURIComponent('2026-03-15T09:00:00+08:00');
    const empty = (await get(`from=${at}&to=${at}`)).json();
    expect(empty).toMatchObject({ sessions: 0, hours: 0, byMonth: [] });
    const oneSession = (await get(`from=${at}&to=${encodeURIComponent('2026-03-15T01:00:01Z')}`)).json();
    expect(oneSession).toMatchObject({ sessions: 1, peopleServed: 30, hours: 2 });
    // Partial months are read day by day: 10 March to 5 May holds A1 on 03-15 and A2 on 05-01, not A4 on 05-10.
    const spring = (await get('from=2026-03-10&to=2026-05-05')).json();
    expect(spring).toMatchObject({ sessions: 2, participations: 2, peopleServed: 35, minutes: 180, pointsIssued: 30 });
    expect(spring.byMonth.map((m: { month: string; sessions: number }) => [m.month, m.sessions])).toEqual([
      ['2026-03', 1],
      ['2026-04', 0],
      ['2026-05', 1],
    ]);
  });

  it('defaults to the top region and the current calendar year; a shift still to come is no session', async () => {
    const s = (await get()).json();
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(testNow()),
    );
    expect(s).toMatchObject({
      regionCode: REGIONS.city,
      from: localMidnight(`${year}-01-01`, 'Asia/Shanghai'),
      to: localMidnight(`${year + 1}-01-01`, 'Asia/Shanghai'),
    });
    const ahead = (await get(`from=2025-01-01&to=${new Date(testNow() + 3 * 86_400_000).toISOString()}`)).json();
    expect(ahead).toMatchObject({ sessions: 3, peopleServed: 42 });
  });

  it('exports the tables of the page as .xlsx, adding up to the figures', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/stats/overview.xlsx?regionCode=${REGIONS.yuzhong}&${YEAR}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/statistics_500103_/);
    const s = (await get(`regionCode=${REGIONS.yuzhong}&${YEAR}`)).json();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = (name: string) => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`no sheet ${name}`);
      return ws.getSheetValues().slice(2) as unknown[][];
    };
    const regions = sheet('按地区 By region');
    // Streets, the district itself, the total: the first two add up to the third.
    expect(regions).toHaveLength(s.byRegion.length + 2);
    const itself = regions[s.byRegion.length] as unknown[];
    expect(itself[1]).toBe('渝中区本级 (itself)');
    expect(itself[8]).toBe(s.atRegionItself.participations);
    const total = regions[s.byRegion.length + 1] as unknown[];
    expect(total.slice(3, 13)).toEqual([
      s.volunteers,
      s.activeVolunteers,
      3,
      1,
      s.sessions,
      s.participations,
      s.peopleServed,
      s.hours,
      s.pointsIssued,
      s.pointsRedeemed,
    ]);
    for (const col of [3, 7, 8, 9]) {
      const parts = regions.slice(0, -1).reduce((n, r) => n + Number(r[col] ?? 0), 0);
      expect(parts, `column ${col}`).toBe(total[col]);
    }
    expect(sheet('按月 By month')).toHaveLength(12);
    expect(sheet('按领域 By field').map((r) => [r[1], r[3]])).toEqual([
      ['生态环保 Ecology', s.byField[0].participations],
    ]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/stats/overview.xlsx?regionCode=nowhere' });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.message).toContain('regionCode');
  });

  it('answers anyone, with aggregates only', async () => {
    const res = await get(YEAR);
    expect(res.statusCode).toBe(200);
    for (const v of [v1, v2, v3]) {
      for (const secret of [v.id, v.userId, v.idNumber, v.phone, v.volunteerCode, '志愿']) {
        expect(res.body).not.toContain(secret);
      }
    }
    const logs = t.logs.text();
    expect(logs).not.toContain('regionCode=');
  });
});
