import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolunteerStatus } from '../../../common/contract/volunteers.js';
import { localMidnight } from '../../../common/zoned-time.js';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeUser, makeVolunteer, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { addGoods, key, makeSupermarketSite, redeem, staff } from '../../../../test/supermarket-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId, nowIso } from '../../ids.js';
import { issueMemberCode } from '../../platform/codes.js';
import { insertOrganisation } from '../organisations/organisations.repository.js';
import { freezeClock, testNow, type FrozenClock } from '../../../../test/clock.js';
import { up as addAllFields } from '../../db/migrations/2026-12-06-170-statistics-all-fields.js';
import { rebuildStats, verifyStats } from './index.js';

/*
 * A small city with known figures (all times UTC; local time is UTC+8):
 * 渝中 (500103): v1 (解放碑), v2; teams 渝中队 (district) and 解放碑小队 (town) of the ecology
 *   department, and 卫健队 (district) of the health department; supermarket S1 (managed by 渝中队).
 * 沙坪坝 (500106): v3 (小龙坎), v5 (closed account); 沙坪坝队 (district, ecology); supermarket S2.
 * 两江新区 (500X01): v4; a practice point.
 * Sessions: A1 (渝中队) 03-15 (30 served), 04-02 (20), 2025-12-31 23:00 local (9), one in an hour (50);
 *   A2 (沙坪坝队) 04-20 (15), 05-01 01:00 local (5); A4 (卫健队) 05-10 (7);
 *   a cancelled activity (100) and a draft (11) that never count.
 * Records: r1 v1 A1 03-15 120 min confirmed (20 points); r2 v2 A1 04-02 90 min confirmed then revoked
 *   (15 points back); r3 v3 A2 60 min on 05-01 local, confirmed (10 points); r4 v1 A1 04-02 30 min
 *   pending; r5 v2 A4 45 min confirmed (no rule, no points). A session is a shift with a confirmed
 *   record: A1 03-15, A2 05-01 and A4 05-10.
 * Redemptions (backdated to June): v1 10 at S1, v1 4 at S2, v3 5 at S2 reversed.
 * A4 belongs to 卫健队, whose region is 渝中区 itself: it lies at the district, under none of its streets.
 * The clock stands at 2026-07-01 (active volunteers are those who served in the last twelve months).
 */
const YEAR = 'from=2026-01-01&to=2026-12-31';

describe.each(DIALECTS)('stats overview on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let v1: MadeVolunteer;
  let v2: MadeVolunteer;
  let v3: MadeVolunteer;
  let healthDept: string;
  let healthTeam: string;
  let healthAdmin: Awaited<ReturnType<typeof clientFor>>;
  let v4: MadeVolunteer;
  let clock: FrozenClock;
  let r4: string;
  let a1Shifts: string[];
  let projectA: string;
  let projectB: string;
  const get = (qs = '') => t.app.inject({ method: 'GET', url: `/api/v1/stats/overview${qs ? `?${qs}` : ''}` });

  beforeAll(async () => {
    clock = freezeClock('2026-07-01T04:00:00.000Z');
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    healthDept = await insertOrganisation(db, {
      name: '市卫生健康委',
      kind: 'department',
      level: 'city',
      regionCode: REGIONS.city,
      parentId: null,
      departmentId: null,
      fields: [],
    });
    healthTeam = await insertOrganisation(db, {
      name: '渝中区卫健志愿服务队',
      kind: 'team',
      level: 'district',
      regionCode: REGIONS.yuzhong,
      parentId: healthDept,
      departmentId: healthDept,
      fields: [],
    });
    healthAdmin = await clientFor(
      t.app,
      (await makeUser(db, { roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: healthTeam }] })).id,
    );

    v1 = await makeVolunteer(t.app, { name: '甲志愿', regionCode: REGIONS.jiefangbei });
    v2 = await makeVolunteer(t.app, { name: '乙志愿', regionCode: REGIONS.yuzhong });
    v3 = await makeVolunteer(t.app, { name: '丙志愿', regionCode: REGIONS.xiaolongkan });
    v4 = await makeVolunteer(t.app, { name: '丁志愿', regionCode: REGIONS.liangjiang });
    const v5 = await makeVolunteer(t.app, { name: '戊志愿', regionCode: REGIONS.xiaolongkan });
    const registered: [MadeVolunteer, string, VolunteerStatus][] = [
      [v1, '2026-01-15T02:00:00.000Z', 'active'],
      [v2, '2026-03-10T02:00:00.000Z', 'active'],
      [v3, '2026-03-31T16:30:00.000Z', 'active'], // 1 April local
      [v4, '2025-11-01T02:00:00.000Z', 'active'],
      [v5, '2026-02-01T02:00:00.000Z', 'closed'],
    ];
    for (const [v, at, status] of registered) {
      await db.updateTable('volunteers').set({ registered_at: at, status }).where('id', '=', v.id).execute();
    }
    const member = (orgId: string, volunteerId: string) =>
      db
        .insertInto('memberships')
        .values({
          id: newId(),
          organisation_id: orgId,
          volunteer_id: volunteerId,
          role: 'member',
          status: 'active',
          joined_at: nowIso(),
        })
        .execute();
    await member(tree.subTeamId, v1.id);
    await member(tree.otherTeamId, v3.id);
    await member(healthTeam, v2.id);

    const rule = await tree.departmentAdmin.client.post('/api/v1/point-rules', {
      scopeType: 'organisation',
      scopeId: tree.departmentId,
      pointsPerHour: 10,
    });
    expect(rule.statusCode, rule.body).toBe(201);

    const span = (start: string, hours = 2) => ({
      start,
      end: new Date(Date.parse(start) + hours * 3_600_000).toISOString(),
    });
    const project = async (name: string) => {
      const id = newId();
      await db
        .insertInto('projects')
        .values({
          id,
          name,
          department_id: tree.departmentId,
          field: 'ecology',
          parent_id: null,
          description: null,
          goals: null,
          honours: '[]',
          created_at: nowIso(),
        })
        .execute();
      return id;
    };
    projectA = await project('共护美丽长江');
    projectB = await project('护苗成长');
    const a1 = await makeActivity(t.app, {
      orgId: tree.teamId,
      projectId: projectA,
      regionCode: REGIONS.jiefangbei,
      shifts: [
        span('2026-03-15T01:00:00.000Z'),
        span('2026-04-02T01:00:00.000Z'),
        span('2025-12-31T15:00:00.000Z'),
        shiftAt(1),
      ],
    });
    a1Shifts = a1.shiftIds;
    const a2 = await makeActivity(t.app, {
      orgId: tree.otherTeamId,
      projectId: projectB,
      regionCode: REGIONS.xiaolongkan,
      shifts: [span('2026-04-20T01:00:00.000Z'), span('2026-04-30T17:00:00.000Z')],
    });
    const a4 = await makeActivity(t.app, { orgId: healthTeam, shifts: [span('2026-05-10T01:00:00.000Z')] });
    const cancelled = await makeActivity(t.app, { orgId: tree.teamId, shifts: [span('2026-03-20T01:00:00.000Z')] });
    await db.updateTable('activities').set({ status: 'cancelled' }).where('id', '=', cancelled.id).execute();
    await db.updateTable('shifts').set({ status: 'cancelled' }).where('activity_id', '=', cancelled.id).execute();
    const draft = await makeActivity(t.app, {
      orgId: tree.teamId,
      status: 'draft',
      shifts: [span('2026-03-16T01:00:00.000Z')],
    });
    const served: [string, number][] = [
      ...a1.shiftIds.map((id, i): [string, number] => [id, [30, 20, 9, 50][i] as number]),
      ...a2.shiftIds.map((id, i): [string, number] => [id, [15, 5][i] as number]),
      [a4.shiftIds[0] as string, 7],
      [cancelled.shiftIds[0] as string, 100],
      [draft.shiftIds[0] as string, 11],
    ];
    for (const [id, n] of served)
      await db.updateTable('shifts').set({ people_served: n }).where('id', '=', id).execute();

    const record = async (
      v: MadeVolunteer,
      a: { id: string; organisationId: string; shiftIds: string[] },
      shift: number,
      start: string,
      minutes: number,
      serviceDate = start.slice(0, 10),
    ) =>
      insertPendingRecord(db, {
        volunteerId: v.id,
        activityId: a.id,
        organisationId: a.organisationId,
        shiftId: a.shiftIds[shift] as string,
        startAt: start,
        serviceDate,
        minutes,
      });
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const res = await p;
      expect(res.statusCode, res.body).toBe(200);
    };
    const r1 = await record(v1, a1, 0, '2026-03-15T01:00:00.000Z', 120);
    const r2 = await record(v2, a1, 1, '2026-04-02T01:00:00.000Z', 90);
    const r3 = await record(v3, a2, 1, '2026-04-30T17:00:00.000Z', 60, '2026-05-01');
    r4 = await record(v1, a1, 1, '2026-04-02T01:00:00.000Z', 30);
    const r5 = await record(v2, a4, 0, '2026-05-10T01:00:00.000Z', 45);
    await ok(tree.teamAdmin.client.post(`/api/v1/records/${r1}/confirm`));
    await ok(tree.teamAdmin.client.post(`/api/v1/records/${r2}/confirm`));
    await ok(tree.teamAdmin.client.post(`/api/v1/records/${r2}/revoke`, { reason: '重复记录' }));
    await ok(tree.otherTeamAdmin.client.post(`/api/v1/records/${r3}/confirm`));
    await ok(healthAdmin.post(`/api/v1/records/${r5}/confirm`));

    const s1 = await insertOrganisationSite(t, REGIONS.jiefangbei, tree.teamId);
    const s2 = await makeSupermarketSite(t, REGIONS.xiaolongkan);
    await makeSupermarketSite(t, REGIONS.liangjiang, 'practice_point');
    const clerk1 = await staff(t, 'clerk', s1);
    const clerk2 = await staff(t, 'clerk', s2);
    const manager2 = await staff(t, 'site_manager', s2);
    const g1 = await addGoods(clerk1.client, s1, { points: 5 });
    const g2 = await addGoods(clerk2.client, s2, { points: 1 });
    const code = (v: MadeVolunteer) => issueMemberCode(t.app.ctx.cipher, v.id, 30).token;
    const redeemed = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(201);
      return (r.json() as { id: string }).id;
    };
    await redeemed(redeem(clerk1.client, s1, code(v1), [{ goodsId: g1.id, qty: 2 }]));
    await redeemed(redeem(clerk2.client, s2, code(v1), [{ goodsId: g2.id, qty: 4 }]));
    const undone = await redeemed(redeem(clerk2.client, s2, code(v3), [{ goodsId: g2.id, qty: 5 }]));
    await ok(
      manager2.client.post(`/api/v1/redemptions/${undone}/reverse`, { reason: '误操作', idempotencyKey: key() }),
    );
    await db.updateTable('redemptions').set({ created_at: '2026-06-10T02:00:00.000Z' }).execute();
    // Rows were written and backdated directly above: count the statistics from them.
    await rebuildStats(db);
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

  it('keeps figures as they happen: a confirmation shows at once in its street, district and city, which add up', async () => {
    const at = async (code: string) => (await get(`regionCode=${code}&${YEAR}`)).json();
    const before = await Promise.all([REGIONS.jiefangbei, REGIONS.yuzhong, REGIONS.city].map(at));
    const confirmed = await tree.teamAdmin.client.post(`/api/v1/records/${r4}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = await Promise.all([REGIONS.jiefangbei, REGIONS.yuzhong, REGIONS.city].map(at));
    for (const [i, s] of after.entries()) {
      const was = before[i];
      // A1's 04-02 shift becomes a session with its 20 people served; 30 minutes earn 5 points.
      expect(s).toMatchObject({
        sessions: was.sessions + 1,
        participations: was.participations + 1,
        peopleServed: was.peopleServed + 20,
        minutes: was.minutes + 30,
        pointsIssued: was.pointsIssued + 5,
      });
    }
    for (const s of after.slice(1)) {
      for (const k of [
        'volunteers',
        'activeVolunteers',
        'teams',
        'sites',
        'sessions',
        'participations',
        'peopleServed',
        'minutes',
        'pointsIssued',
        'pointsRedeemed',
      ]) {
        const parts = [...s.byRegion, s.atRegionItself].reduce(
          (n: number, r: Record<string, number>) => n + (r[k] ?? 0),
          0,
        );
        expect(parts, `${s.regionCode} ${k}`).toBe(k === 'teams' || k === 'sites' ? parts : s[k]);
      }
      const teams = Object.values(s.teamsByLevel as Record<string, number>).reduce((a, b) => a + b, 0);
      expect([...s.byRegion, s.atRegionItself].reduce((n: number, r: { teams: number }) => n + r.teams, 0)).toBe(teams);
    }
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    const revoked = await tree.teamAdmin.client.post(`/api/v1/records/${r4}/revoke`, { reason: '重复记录' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const back = await Promise.all([REGIONS.jiefangbei, REGIONS.yuzhong, REGIONS.city].map(at));
    for (const [i, s] of back.entries()) {
      expect(s).toMatchObject({
        sessions: before[i].sessions,
        minutes: before[i].minutes,
        pointsIssued: before[i].pointsIssued,
      });
    }
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
  });

  it("counts a volunteer among a department's as they join and leave its teams", async () => {
    const health = async () => (await get(`departmentId=${healthDept}&${YEAR}`)).json();
    const before = await health();
    const v4Client = await clientFor(t.app, v4.userId);
    const applied = await v4Client.post(`/api/v1/organisations/${healthTeam}/applications`, {});
    expect(applied.statusCode, applied.body).toBe(201);
    const accepted = await healthAdmin.post(`/api/v1/organisations/${healthTeam}/members`, { volunteerId: v4.id });
    expect(accepted.statusCode, accepted.body).toBeLessThan(300);
    const joined = await health();
    expect(joined.volunteers).toBe(before.volunteers + 1);
    expect(joined.byRegion.find((r: { regionCode: string }) => r.regionCode === REGIONS.liangjiang).volunteers).toBe(1);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    const ended = await v4Client.post(`/api/v1/memberships/${(applied.json() as { id: string }).id}/end`, {});
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await health()).volunteers).toBe(before.volunteers);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
  });

  it('verify finds what was kept wrong, and rebuild mends it', async () => {
    const db = t.tdb.db;
    await db
      .updateTable('stats_flows')
      .set({ minutes: 1 })
      .where('region_code', '=', REGIONS.city)
      .where('grain', '=', 'month')
      .where('period', '=', '2026-03')
      .execute();
    const report = await verifyStats(db);
    expect(report.ok).toBe(false);
    expect(report.differences.join('\n')).toContain('2026-03');
    await rebuildStats(db);
    expect(await verifyStats(db)).toEqual({ ok: true, differences: [] });

    // A database kept before the rows of every field together: migration 170 adds them up.
    await db.deleteFrom('stats_flows').where('field', '=', '*').execute();
    expect((await verifyStats(db)).differences.join('\n')).toContain('"field":"*"');
    await addAllFields(db as unknown as Kysely<unknown>);
    expect(await verifyStats(db)).toEqual({ ok: true, differences: [] });
  });

  it('moves people served with a session, and ranks brand projects', async () => {
    const before = (await get(YEAR)).json();
    const res = await tree.teamAdmin.client.post(`/api/v1/shifts/${a1Shifts[0]}/people-served`, { count: 36 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(YEAR)).json().peopleServed).toBe(before.peopleServed + 6);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    const top = await t.app.inject({ method: 'GET', url: `/api/v1/stats/projects?${YEAR}` });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json().items).toEqual([
      {
        projectId: projectA,
        name: '共护美丽长江',
        departmentId: tree.departmentId,
        sessions: 1,
        participations: 1,
        minutes: 120,
        hours: 2,
      },
      {
        projectId: projectB,
        name: '护苗成长',
        departmentId: tree.departmentId,
        sessions: 1,
        participations: 1,
        minutes: 60,
        hours: 1,
      },
    ]);
    const inShapingba = await t.app.inject({
      method: 'GET',
      url: `/api/v1/stats/projects?regionCode=${REGIONS.shapingba}&limit=1&${YEAR}`,
    });
    expect(inShapingba.json().items.map((p: { name: string }) => p.name)).toEqual(['护苗成长']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/stats/projects?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('limit');
  });

  it("counts today's check-ins per district and hour, and names the latest places, never a person", async () => {
    const db = t.tdb.db;
    // The clock stands at 12:00 local: two check-ins at A1's coming shift, one in 沙坪坝 long before today.
    const checkIn = (shiftId: string, volunteerId: string, at: string) =>
      db
        .insertInto('attendance')
        .values({
          id: newId(),
          shift_id: shiftId,
          volunteer_id: volunteerId,
          signup_id: null,
          day: at.slice(0, 10),
          checked_in_at: at,
          in_method: 'self_scan',
          in_lat: null,
          in_lng: null,
          in_accuracy_m: null,
          checked_out_at: null,
          out_method: null,
          out_lat: null,
          out_lng: null,
          out_accuracy_m: null,
          flags: '[]',
          reason: null,
          recorded_by: null,
          created_at: at,
        })
        .execute();
    await checkIn(a1Shifts[3] as string, v1.id, '2026-07-01T01:30:00.000Z');
    await checkIn(a1Shifts[3] as string, v2.id, '2026-07-01T03:59:00.000Z');
    await checkIn(a1Shifts[0] as string, v3.id, '2026-03-15T01:00:00.000Z');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/stats/today' });
    expect(res.statusCode, res.body).toBe(200);
    const today = res.json();
    expect(today).toMatchObject({ day: '2026-07-01', timeZone: 'Asia/Shanghai', checkIns: 2 });
    expect(today.byRegion.find((r: { regionCode: string }) => r.regionCode === REGIONS.yuzhong).checkIns).toBe(2);
    expect(today.byRegion.find((r: { regionCode: string }) => r.regionCode === REGIONS.shapingba).checkIns).toBe(0);
    expect(today.byHour.filter((h: { checkIns: number }) => h.checkIns > 0)).toEqual([
      { hour: 9, checkIns: 1 },
      { hour: 11, checkIns: 1 },
    ]);
    expect(today.recent).toEqual([
      expect.objectContaining({
        at: '2026-07-01T03:59:00.000Z',
        regionCode: REGIONS.jiefangbei,
        activityTitle: '长江岸线清洁行动',
      }),
      expect.objectContaining({ at: '2026-07-01T01:30:00.000Z' }),
    ]);
    for (const v of [v1, v2]) {
      for (const secret of [v.id, v.userId, v.volunteerCode, v.phone, '志愿']) expect(res.body).not.toContain(secret);
    }
    const street = (
      await t.app.inject({ method: 'GET', url: `/api/v1/stats/today?regionCode=${REGIONS.xiaolongkan}` })
    ).json();
    expect(street).toMatchObject({ checkIns: 0, byRegion: [], recent: [] });
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

/** A points supermarket in a region, managed by an organisation. */
async function insertOrganisationSite(t: TestApp, regionCode: string, organisationId: string): Promise<string> {
  const id = await makeSupermarketSite(t, regionCode);
  await t.tdb.db.updateTable('sites').set({ organisation_id: organisationId }).where('id', '=', id).execute();
  return id;
}
