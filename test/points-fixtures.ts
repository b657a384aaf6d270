/**
 * Helpers for the points suites: a scene per test (its own department, so its rule applies
 * to nobody else's records), pending records written straight to the database with the
 * source, minutes and service day a test needs, then confirmed or revoked over HTTP.
 */
import { expect } from 'vitest';
import type { RecordSource } from '../src/common/enums.js';
import { makeActivity, makeOrganisationTree, type OrganisationTree } from './activity-factories.js';
import { insertPendingRecord } from './record-factories.js';
import type { TestApp } from './test-app.js';
import { newId } from '../src/server/ids.js';
import { makePerson, type Person } from '../src/server/modules/checkin/checkin.test-helpers.js';
import { balanceOf, budgetOf, CITY, postTransaction, walletOf } from '../src/server/modules/points/ledger.js';
import { verifyLedger } from '../src/server/modules/points/verify.js';

export interface PointsScene {
  tree: OrganisationTree;
  activityId: string;
  volunteer: Person;
}

export async function makePointsScene(
  t: TestApp,
  rule: Record<string, unknown> | null,
  over: { field?: string; projectId?: string; orgKey?: 'teamId' | 'otherTeamId' } = {},
): Promise<PointsScene> {
  const tree = await makeOrganisationTree(t.app);
  if (rule) {
    const res = await tree.departmentAdmin.client.post('/api/v1/point-rules', {
      scopeType: 'organisation',
      scopeId: tree.departmentId,
      ...rule,
    });
    if (res.statusCode !== 201) throw new Error(`rule: ${res.statusCode} ${res.body}`);
  }
  const a = await makeActivity(t.app, {
    orgId: tree[over.orgKey ?? 'teamId'],
    createdBy: tree.teamAdmin.userId,
    ...(over.field ? { field: over.field } : {}),
    ...(over.projectId ? { projectId: over.projectId } : {}),
  });
  return { tree, activityId: a.id, volunteer: await makePerson(t) };
}

/** A pending record of `minutes` on local day `day` (YYYY-MM-DD), written directly. */
export async function pendingRecord(
  t: TestApp,
  s: PointsScene,
  o: { minutes: number; day?: string; source?: RecordSource; volunteer?: Person; orgKey?: 'teamId' | 'otherTeamId' },
): Promise<string> {
  const day = o.day ?? '2026-10-05';
  return insertPendingRecord(t.tdb.db, {
    volunteerId: (o.volunteer ?? s.volunteer).volunteerId,
    activityId: s.activityId,
    organisationId: s.tree[o.orgKey ?? 'teamId'],
    startAt: `${day}T01:00:00.000Z`,
    minutes: o.minutes,
    ...(o.source ? { source: o.source } : {}),
  });
}

export async function confirm(s: PointsScene, recordId: string, orgKey: 'teamId' | 'otherTeamId' = 'teamId') {
  const client = orgKey === 'teamId' ? s.tree.teamAdmin.client : s.tree.otherTeamAdmin.client;
  const res = await client.post(`/api/v1/records/${recordId}/confirm`);
  expect(res.statusCode, res.body).toBe(200);
}

export async function revoke(s: PointsScene, recordId: string) {
  const res = await s.tree.teamAdmin.client.post(`/api/v1/records/${recordId}/revoke`, { reason: '重复记录' });
  expect(res.statusCode, res.body).toBe(200);
}

/** Confirms a new record and returns the points it added to the wallet. */
export async function earn(t: TestApp, s: PointsScene, o: Parameters<typeof pendingRecord>[2]): Promise<number> {
  const v = o.volunteer ?? s.volunteer;
  const before = await balanceOf(t.tdb.db, walletOf(v.volunteerId));
  const id = await pendingRecord(t, s, o);
  await confirm(s, id, o.orgKey);
  return (await balanceOf(t.tdb.db, walletOf(v.volunteerId))) - before;
}

export const wallet = (t: TestApp, v: Person) => balanceOf(t.tdb.db, walletOf(v.volunteerId));
export const budget = (t: TestApp, orgId: string) => balanceOf(t.tdb.db, budgetOf(orgId));

/** Spends points from a wallet the way a supermarket would (wallet → a site account). */
export async function spend(t: TestApp, v: Person, amount: number): Promise<void> {
  await t.tdb.db.transaction().execute((trx) =>
    postTransaction(trx, {
      kind: 'redeem',
      idempotencyKey: newId(),
      source: 'redemption',
      postings: [
        { account: walletOf(v.volunteerId), amount: -amount },
        { account: { kind: 'supermarket', ownerId: 'test-site' }, amount },
      ],
    }),
  );
}

/** Funds an organisation's budget from the city's system account. */
export async function fundBudget(t: TestApp, orgId: string, amount: number): Promise<void> {
  await t.tdb.db.transaction().execute((trx) =>
    postTransaction(trx, {
      kind: 'adjust',
      idempotencyKey: newId(),
      source: 'adjustment',
      postings: [
        { account: budgetOf(orgId), amount },
        { account: { kind: 'system', ownerId: CITY }, amount: -amount },
      ],
    }),
  );
}

/** The reconciliation must pass after every test that wrote points. */
export async function expectLedgerReconciles(t: TestApp): Promise<void> {
  const r = await verifyLedger(t.tdb.db);
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
}

export { makePerson };
