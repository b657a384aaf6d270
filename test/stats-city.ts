/**
 * The statistics tests' small city with known figures, built through the API where the app
 * writes it and directly where a test needs a past time, then counted by rebuildStats.
 */
import type { VolunteerStatus } from '../src/common/contract/volunteers.js';
import { newId, nowIso } from '../src/server/ids.js';
import { rebuildStats } from '../src/server/modules/stats/index.js';
import { insertOrganisation } from '../src/server/modules/organisations/organisations.repository.js';
import { issueMemberCode } from '../src/server/platform/codes.js';
import { expect } from 'vitest';
import { clientFor, makeActivity, makeOrganisationTree, shiftAt } from './activity-factories.js';
import { makeUser, makeVolunteer, REGIONS, type MadeVolunteer } from './factories.js';
import { insertPendingRecord } from './record-factories.js';
import { addGoods, key, makeSupermarketSite, redeem, staff } from './supermarket-fixtures.js';
import type { TestApp } from './test-app.js';

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
export const STATS_YEAR = 'from=2026-01-01&to=2026-12-31';

/** The clock the city's figures assume (12:00 local on 1 July 2026). */
export const STATS_CITY_NOW = '2026-07-01T04:00:00.000Z';

export type StatsCity = Awaited<ReturnType<typeof makeStatsCity>>;

/** Builds the city in the app's database (its clock frozen at STATS_CITY_NOW). */
export async function makeStatsCity(t: TestApp) {
  const tree = await makeOrganisationTree(t.app);
  const db = t.tdb.db;
  const healthDept = await insertOrganisation(db, {
    name: '市卫生健康委',
    kind: 'department',
    level: 'city',
    regionCode: REGIONS.city,
    parentId: null,
    departmentId: null,
    fields: [],
  });
  const healthTeam = await insertOrganisation(db, {
    name: '渝中区卫健志愿服务队',
    kind: 'team',
    level: 'district',
    regionCode: REGIONS.yuzhong,
    parentId: healthDept,
    departmentId: healthDept,
    fields: [],
  });
  const healthAdmin = await clientFor(
    t.app,
    (await makeUser(db, { roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: healthTeam }] })).id,
  );

  const v1 = await makeVolunteer(t.app, { name: '甲志愿', regionCode: REGIONS.jiefangbei });
  const v2 = await makeVolunteer(t.app, { name: '乙志愿', regionCode: REGIONS.yuzhong });
  const v3 = await makeVolunteer(t.app, { name: '丙志愿', regionCode: REGIONS.xiaolongkan });
  const v4 = await makeVolunteer(t.app, { name: '丁志愿', regionCode: REGIONS.liangjiang });
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
        created_at: nowIso(),
      })
      .execute();
    return id;
  };
  const projectA = await project('共护美丽长江');
  const projectB = await project('护苗成长');
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
  const a1Shifts = a1.shiftIds;
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
  for (const [id, n] of served) await db.updateTable('shifts').set({ people_served: n }).where('id', '=', id).execute();

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
  const r4 = await record(v1, a1, 1, '2026-04-02T01:00:00.000Z', 30);
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
  await ok(manager2.client.post(`/api/v1/redemptions/${undone}/reverse`, { reason: '误操作', idempotencyKey: key() }));
  await db.updateTable('redemptions').set({ created_at: '2026-06-10T02:00:00.000Z' }).execute();
  // Rows were written and backdated directly above: count the statistics from them.
  await rebuildStats(db);
  return { tree, healthDept, healthTeam, healthAdmin, v1, v2, v3, v4, r4, a1Shifts, projectA, projectB };
}

/** A points supermarket in a region, managed by an organisation. */
async function insertOrganisationSite(t: TestApp, regionCode: string, organisationId: string): Promise<string> {
  const id = await makeSupermarketSite(t, regionCode);
  await t.tdb.db.updateTable('sites').set({ organisation_id: organisationId }).where('id', '=', id).execute();
  return id;
}
