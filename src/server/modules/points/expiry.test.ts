import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId } from '../../ids.js';
import { runExpiry, runScheduledExpiry } from './expiry.js';
import { balanceOf, postTransaction, walletOf } from './ledger.js';
import { earn, expectLedgerReconciles, makePointsScene, spend, wallet } from '../../../../test/points-fixtures.js';
import { verifyLedger } from './verify.js';
import { testNow } from '../../../../test/clock.js';

const DAY = 86_400_000;
const expiryAccount = { kind: 'expiry' as const, ownerId: 'city' };

describe.each(DIALECTS)('points expiry and reconciliation on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  afterEach(() => expectLedgerReconciles(t));

  /** Moves a wallet's earn credits' expiry dates back, as if they had been earned long ago. */
  async function backdateCredits(volunteerId: string, expiresAt: string) {
    // Test set-up only: production code never updates an entry.
    const account = await t.tdb.db
      .selectFrom('point_accounts')
      .select('id')
      .where('kind', '=', 'wallet')
      .where('owner_id', '=', volunteerId)
      .executeTakeFirstOrThrow();
    await t.tdb.db
      .updateTable('point_entries')
      .set({ expires_at: expiresAt })
      .where('account_id', '=', account.id)
      .where('amount', '>', 0)
      .where('expires_at', 'is not', null)
      .execute();
  }

  it('moves exactly the unspent part of expired credits (spent oldest first), once', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    const v = s.volunteer;
    await earn(t, s, { minutes: 300 }); // 50, the oldest credit
    await earn(t, s, { minutes: 120 }); // 20
    await backdateCredits(v.volunteerId, '2026-01-01T16:00:00.000Z');
    // a later credit that has not expired, and a grant that never expires
    const fresh = await earn(t, s, { minutes: 60 }); // 10, default expiry (end of next year)
    expect(fresh).toBe(10);
    await t.tdb.db.transaction().execute((trx) =>
      postTransaction(trx, {
        kind: 'adjust',
        idempotencyKey: newId(),
        source: 'adjustment',
        postings: [
          { account: walletOf(v.volunteerId), amount: 5 },
          { account: { kind: 'system', ownerId: 'city' }, amount: -5 },
        ],
      }),
    );
    await spend(t, v, 30); // FIFO: 30 of the oldest 50
    expect(await wallet(t, v)).toBe(55);
    const expiryBefore = await balanceOf(t.tdb.db, expiryAccount);

    const at = '2026-06-01T04:00:00.000Z';
    const first = await runExpiry(t.tdb.db, at);
    expect(first).toMatchObject({ ran: true, period: '2026-06-01' });
    // 20 left of the oldest credit + 20 of the second: 40
    expect(await wallet(t, v)).toBe(15);
    expect((await balanceOf(t.tdb.db, expiryAccount)) - expiryBefore).toBe(40);
    // again the same day, and on a later day: nothing more
    expect((await runExpiry(t.tdb.db, '2026-06-01T15:00:00.000Z')).points).toBe(0);
    expect((await runExpiry(t.tdb.db, '2026-07-01T00:00:00.000Z')).points).toBe(0);
    expect(await wallet(t, v)).toBe(15);
    const expired = await t.tdb.db
      .selectFrom('point_transactions')
      .select(['kind', 'source', 'idempotency_key'])
      .where('kind', '=', 'expire')
      .where('source_id', '=', v.volunteerId)
      .execute();
    expect(expired).toEqual([
      { kind: 'expire', source: 'expiry', idempotency_key: `expire:${v.volunteerId}:2026-06-01` },
    ]);
    // once the fresh credit's date passes too, only its 10 go; the 5 granted stay
    const far = new Date(testNow() + 800 * DAY).toISOString();
    await runExpiry(t.tdb.db, far);
    expect(await wallet(t, v)).toBe(5);
    const items = (await v.client.get(`/api/v1/volunteers/${v.volunteerId}/points`)).json();
    expect(items.items[0]).toMatchObject({ kind: 'expire', amount: -10, balanceAfter: 5 });
  });

  it('lets only one of concurrent runs work, and the scheduled step runs once a day', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    await earn(t, s, { minutes: 120 });
    await backdateCredits(s.volunteer.volunteerId, '2026-01-01T16:00:00.000Z');
    const runs = await Promise.all(Array.from({ length: 5 }, () => runExpiry(t.tdb.db, '2026-08-01T00:00:00.000Z')));
    expect(runs.reduce((sum, r) => sum + r.points, 0)).toBe(20);
    expect(runs.filter((r) => r.points > 0)).toHaveLength(1);
    expect(await wallet(t, s.volunteer)).toBe(0);
    // the scheduled step: the first call of the day runs, the next ones skip
    const a = await runScheduledExpiry(t.tdb.db);
    expect(a?.ran).toBe(true);
    expect(await runScheduledExpiry(t.tdb.db)).toBeNull();
  });

  it('verify reports a cached balance that disagrees with the entries', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    await earn(t, s, { minutes: 60 });
    expect((await verifyLedger(t.tdb.db)).ok).toBe(true);
    const corrupt = (delta: number) =>
      t.tdb.db
        .updateTable('point_accounts')
        .set((eb) => ({ balance: eb('balance', '+', delta) }))
        .where('kind', '=', 'wallet')
        .where('owner_id', '=', s.volunteer.volunteerId)
        .execute();
    await corrupt(7);
    const bad = await verifyLedger(t.tdb.db);
    expect(bad.ok).toBe(false);
    expect(bad.problems.join('\n')).toMatch(/balance 17, entries sum to 10/);
    await corrupt(-7);
    expect((await verifyLedger(t.tdb.db)).ok).toBe(true);
    // a running balance that does not add up is caught too
    const entry = await t.tdb.db
      .selectFrom('point_entries')
      .select(['id', 'balance_after'])
      .where('amount', '=', 10)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const setAfter = (v: number) =>
      t.tdb.db.updateTable('point_entries').set({ balance_after: v }).where('id', '=', entry.id).execute();
    await setAfter(entry.balance_after + 1);
    expect((await verifyLedger(t.tdb.db)).problems.join('\n')).toMatch(
      /entry 1 says balance 11, entries up to it sum to 10/,
    );
    await setAfter(entry.balance_after);
  });
});
