import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { clientFor } from '../../../../test/activity-factories.js';
import { makeAdmin, REGIONS } from '../../../../test/factories.js';
import { newId } from '../../ids.js';
import { up as addAllFields } from '../../db/migrations/2026-12-06-170-statistics-all-fields.js';
import { rebuildStats, verifyStats } from './index.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { makeStatsCity, STATS_CITY_NOW, STATS_YEAR as YEAR, type StatsCity } from '../../../../test/stats-city.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

/**
 * Statistics kept as they happen, verified and rebuilt; brand projects and today's check-ins.
 * The city and its figures: test/stats-city.ts.
 */
describe.each(DIALECTS)('statistics kept as they happen on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock;
  let tree: StatsCity['tree'];
  let healthDept: StatsCity['healthDept'];
  let healthTeam: StatsCity['healthTeam'];
  let healthAdmin: StatsCity['healthAdmin'];
  let v1: StatsCity['v1'];
  let v2: StatsCity['v2'];
  let v3: StatsCity['v3'];
  let v4: StatsCity['v4'];
  let r4: StatsCity['r4'];
  let a1Shifts: StatsCity['a1Shifts'];
  let projectA: StatsCity['projectA'];
  let projectB: StatsCity['projectB'];
  const get = (qs = '') => t.app.inject({ method: 'GET', url: `/api/v1/stats/overview${qs ? `?${qs}` : ''}` });

  beforeAll(async () => {
    clock = freezeClock(STATS_CITY_NOW);
    t = await createTestApp(dialect);
    ({ tree, healthDept, healthTeam, healthAdmin, v1, v2, v3, v4, r4, a1Shifts, projectA, projectB } =
      await makeStatsCity(t));
  });
  afterAll(async () => {
    await t.close();
    clock.restore();
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

  it("counts points given outside records (an adjustment, an honour's bonus) where the paying region is, and what a deletion took back", async () => {
    // Last here: the city-wide honour rule it adds earns nothing for service.
    const system = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'system_admin', 'system')).id);
    const issued = async (code: string) =>
      ((await get(`regionCode=${code}&${YEAR}`)).json() as { pointsIssued: number }).pointsIssued;
    const places = [REGIONS.jiefangbei, REGIONS.yuzhong, REGIONS.city];
    const before = await Promise.all(places.map(issued));
    const adjusted = await system.post(`/api/v1/volunteers/${v1.id}/points/adjustments`, {
      amount: 30,
      reason: '补录活动积分',
      idempotencyKey: 'stats-grant-1',
    });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    const rule = await system.post('/api/v1/point-rules', {
      scopeType: 'region',
      scopeId: REGIONS.city,
      pointsPerHour: 0,
      bonuses: { honour: { city: 200 } },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const honour = await system.post('/api/v1/honours', {
      subjectKind: 'volunteer',
      subjectId: v1.id,
      name: '重庆市优秀志愿者',
      level: 'city',
      year: 2026,
      issuer: '重庆市文明办',
    });
    expect(honour.statusCode, honour.body).toBe(201);
    expect(await Promise.all(places.map(issued))).toEqual(before.map((n) => n + 230));
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    const removed = await system.request('DELETE', `/api/v1/honours/${(honour.json() as { id: string }).id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect(await Promise.all(places.map(issued))).toEqual(before.map((n) => n + 30));
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
    await rebuildStats(t.tdb.db);
    expect(await Promise.all(places.map(issued))).toEqual(before.map((n) => n + 30));
  });
});
