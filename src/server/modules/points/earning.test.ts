import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import type { PointRuleScopeType } from '../../../common/enums.js';
import { newId, nowIso } from '../../ids.js';
import {
  budget,
  confirm,
  earn,
  expectLedgerReconciles,
  fundBudget,
  makePerson,
  makePointsScene,
  pendingRecord,
  revoke,
  spend,
  wallet,
} from '../../../../test/points-fixtures.js';
import { testNow } from '../../../../test/clock.js';

describe.each(DIALECTS)('earning points on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  afterEach(() => expectLedgerReconciles(t));

  it('earns exactly what the rule says: hours, multipliers, per activity, first service and star bonuses', async () => {
    const dept = await makePointsScene(t, null);
    const projectId = newId();
    await t.tdb.db
      .insertInto('projects')
      .values({
        id: projectId,
        name: '清洁长江',
        department_id: dept.tree.departmentId,
        field: 'ecology',
        created_at: nowIso(),
      })
      .execute();
    const s = await makePointsScene(
      t,
      {
        pointsPerHour: 10,
        pointsPerActivity: 5,
        fieldMultipliers: { ecology: 1.5 },
        projectMultipliers: { [projectId]: 2 },
        bonuses: { firstService: 20, starReached: { '1': 100, '2': 200 } },
      },
      { projectId },
    );
    // 90 min: floor(1.5 h × 10 × 1.5 × 2) = 45, + 5 per activity, + 20 first service
    expect(await earn(t, s, { minutes: 90 })).toBe(70);
    expect(await budget(t, s.tree.teamId)).toBe(-70);
    // no second first-service bonus
    expect(await earn(t, s, { minutes: 60 })).toBe(35);
    // crossing 100 h reaches star 1: +100
    await t.tdb.db
      .updateTable('volunteers')
      .set({ confirmed_minutes: 5990 })
      .where('id', '=', s.volunteer.volunteerId)
      .execute();
    expect(await earn(t, s, { minutes: 60 })).toBe(135);
    const v = (await s.volunteer.client.get(`/api/v1/volunteers/${s.volunteer.volunteerId}`)).json();
    expect(v).toMatchObject({ starLevel: 1, pointsBalance: 240 });
    const notices = await t.tdb.db
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('user_id', '=', s.volunteer.userId)
      .where('kind', '=', 'points_earned')
      .execute();
    expect(notices).toHaveLength(3);
    expect(notices.map((n) => n.title).join()).toMatch(/70/);
    // why, as facts: the statement carries them for the web to word; the memo names the activity
    const statement = (await s.volunteer.client.get(`/api/v1/volunteers/${s.volunteer.volunteerId}/points`)).json();
    const first = statement.items.at(-1);
    expect(first.memo).not.toMatch(/h×|first service/);
    expect(first.earning).toEqual({
      minutes: 90,
      perHour: 10,
      fieldMultiplier: 1.5,
      projectMultiplier: 2,
      hourly: 45,
      perActivity: 5,
      firstService: 20,
      stars: [],
      limitedBy: null,
      points: 70,
    });
    expect(statement.items[0].earning).toMatchObject({
      firstService: 0,
      stars: [{ level: 1, bonus: 100 }],
      points: 135,
    });
    // the earned credit carries its expiry: the end of the following year, Shanghai time
    const credit = await t.tdb.db
      .selectFrom('point_entries as e')
      .innerJoin('point_transactions as x', 'x.id', 'e.transaction_id')
      .select(['e.expires_at', 'x.kind', 'x.source'])
      .where('e.amount', '=', 70)
      .executeTakeFirstOrThrow();
    const year = new Date(testNow() + 8 * 3_600_000).getUTCFullYear();
    expect(credit).toEqual({ expires_at: `${year + 1}-12-31T16:00:00.000Z`, kind: 'earn', source: 'rule' });
  });

  it('holds the daily and the monthly cap, counting service days and giving back what a revoke frees', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10, dailyCap: 30, monthlyCap: 50 });
    const first = await pendingRecord(t, s, { minutes: 120, day: '2026-10-05' });
    await confirm(s, first);
    expect(await wallet(t, s.volunteer)).toBe(20);
    expect(await earn(t, s, { minutes: 120, day: '2026-10-05' })).toBe(10); // day cap 30
    expect(await earn(t, s, { minutes: 60, day: '2026-10-05' })).toBe(0);
    expect(await earn(t, s, { minutes: 180, day: '2026-10-06' })).toBe(20); // month cap 50
    expect(await earn(t, s, { minutes: 60, day: '2026-10-07' })).toBe(0);
    expect(await earn(t, s, { minutes: 60, day: '2026-11-01' })).toBe(10); // a new month
    // revoking the first record frees 20 of October's allowance and 20 of its day's
    await revoke(s, first);
    expect(await wallet(t, s.volunteer)).toBe(40);
    expect(await earn(t, s, { minutes: 300, day: '2026-10-05' })).toBe(20);
    // another volunteer has their own caps
    const w = await makePerson(t);
    expect(await earn(t, s, { minutes: 300, day: '2026-10-05', volunteer: w })).toBe(30);
  });

  it('earns for late entries only when the rule lists them, and only from listed sources', async () => {
    const plain = await makePointsScene(t, { pointsPerHour: 10 });
    expect(await earn(t, plain, { minutes: 60, source: 'late' })).toBe(0);
    expect(await earn(t, plain, { minutes: 60, source: 'hand' })).toBe(0);
    expect(await earn(t, plain, { minutes: 60, source: 'organiser_scan' })).toBe(10);
    expect(await earn(t, plain, { minutes: 60, source: 'self' })).toBe(10);
    const late = await makePointsScene(t, { pointsPerHour: 10, sources: ['self', 'late'] });
    expect(await earn(t, late, { minutes: 60, source: 'late' })).toBe(10);
    expect(await earn(t, late, { minutes: 60, source: 'organiser_scan' })).toBe(0);
  });

  it('reverses a revoked record exactly, and only what is left when the points were partly spent', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    const a = await pendingRecord(t, s, { minutes: 300 });
    await confirm(s, a);
    const b = await pendingRecord(t, s, { minutes: 120 });
    await confirm(s, b);
    expect(await wallet(t, s.volunteer)).toBe(70);
    await revoke(s, b);
    expect(await wallet(t, s.volunteer)).toBe(50);
    expect(await budget(t, s.tree.teamId)).toBe(-50);
    // spend 40 of the remaining 50, then revoke the 50-point record: 10 come back, 40 are a shortfall
    await spend(t, s.volunteer, 40);
    await revoke(s, a);
    expect(await wallet(t, s.volunteer)).toBe(0);
    expect(await budget(t, s.tree.teamId)).toBe(-40);
    const reversal = await t.tdb.db
      .selectFrom('point_transactions')
      .select(['kind', 'source', 'memo', 'idempotency_key'])
      .where('idempotency_key', '=', `reverse:earn:${a}`)
      .executeTakeFirstOrThrow();
    expect(reversal).toMatchObject({ kind: 'reverse', source: 'reversal' });
    expect(reversal.memo).toMatch(/40 of 50/);
    const items = (await s.volunteer.client.get(`/api/v1/volunteers/${s.volunteer.volunteerId}/points`)).json();
    expect(items.items.map((i: { kind: string; amount: number }) => `${i.kind}${i.amount}`)).toEqual([
      'reverse-10',
      'redeem-40',
      'reverse-20',
      'earn20',
      'earn50',
    ]);
  });

  it('issues within the budget when the rule limits it, and says so in the breakdown', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10, budgetLimited: true });
    expect(await earn(t, s, { minutes: 60 })).toBe(0);
    await fundBudget(t, s.tree.teamId, 25);
    expect(await earn(t, s, { minutes: 120 })).toBe(20);
    expect(await earn(t, s, { minutes: 120 })).toBe(5);
    expect(await budget(t, s.tree.teamId)).toBe(0);
    const statement = (await s.volunteer.client.get(`/api/v1/volunteers/${s.volunteer.volunteerId}/points`)).json();
    expect(statement.items[0].earning).toMatchObject({ hourly: 20, limitedBy: 'budget', points: 5 });
    expect(statement.items[1].earning).toMatchObject({ hourly: 20, limitedBy: null, points: 20 });
    // without the limit a budget goes negative
    const free = await makePointsScene(t, { pointsPerHour: 10 });
    expect(await earn(t, free, { minutes: 60 })).toBe(10);
    expect(await budget(t, free.tree.teamId)).toBe(-10);
  });

  it('takes the nearest rule: the organisation chain first, then the activity region nearest first', async () => {
    const s = await makePointsScene(t, null, { orgKey: 'otherTeamId' });
    const city = await t.tdb.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    const ruleRow = (scopeType: PointRuleScopeType, scopeId: string, pph: number) => ({
      id: newId(),
      scope_type: scopeType,
      scope_id: scopeId,
      points_per_hour: pph,
      points_per_activity: 0,
      sources: '["self","organiser_scan"]',
      field_multipliers: '{}',
      project_multipliers: '{}',
      bonuses: '{}',
      daily_cap: null,
      monthly_cap: null,
      expiry: '{"mode":"end_of_following_year"}',
      budget_limited: 0,
      created_by: city.id,
      created_at: nowIso(),
    });
    const o = { orgKey: 'otherTeamId' as const };
    expect(await earn(t, s, { minutes: 60, ...o })).toBe(0); // no rule anywhere yet
    await t.tdb.db
      .insertInto('point_rules')
      .values(ruleRow('region', REGIONS.city, 1))
      .execute();
    expect(await earn(t, s, { minutes: 60, ...o })).toBe(1);
    await t.tdb.db
      .insertInto('point_rules')
      .values(ruleRow('region', REGIONS.shapingba, 2))
      .execute();
    expect(await earn(t, s, { minutes: 60, ...o })).toBe(2);
    await t.tdb.db
      .insertInto('point_rules')
      .values(ruleRow('organisation', s.tree.departmentId, 3))
      .execute();
    expect(await earn(t, s, { minutes: 60, ...o })).toBe(3);
    await t.tdb.db
      .insertInto('point_rules')
      .values(ruleRow('organisation', s.tree.otherTeamId, 4))
      .execute();
    expect(await earn(t, s, { minutes: 60, ...o })).toBe(4);
  });
  it('earns correctly under concurrent confirmations in one organisation, beside concurrent spending', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10, dailyCap: 25 });
    const people = await Promise.all(Array.from({ length: 12 }, () => makePerson(t)));
    const records: { id: string; v: (typeof people)[number] }[] = [];
    for (const v of people) {
      for (let i = 0; i < 2; i++) records.push({ id: await pendingRecord(t, s, { minutes: 120, volunteer: v }), v });
    }
    await Promise.all(
      records.map(async (r, i) => {
        await confirm(s, r.id);
        if (i % 2 === 1) await spend(t, r.v, 5);
      }),
    );
    // each volunteer: 20 + 20 clipped to the daily 25, less 5 spent
    for (const v of people) expect(await wallet(t, v)).toBe(20);
    expect(await budget(t, s.tree.teamId)).toBe(-12 * 25);
  });
});
