import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId } from '../../ids.js';
import { runExpiry } from './expiry.js';
import { walletsWithExpiredCredits } from './expiry.repository.js';
import { reverseTransaction } from './ledger.js';
import { lastDoneBefore } from '../../platform/leases.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { localDate } from '../../../common/zoned-time.js';
import { earn, expectLedgerReconciles, makePointsScene, spend, wallet } from '../../../../test/points-fixtures.js';
import { testNow } from '../../../../test/clock.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(testNow() + days * DAY).toISOString();

describe.each(DIALECTS)('points expiry looks only at what changed since its last run, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  afterEach(() => expectLedgerReconciles(t));

  /**
   * Makes a wallet's credits look written at `createdAt` and, for dated ones, expiring at
   * `expiresAt` (test set-up only: production never updates an entry). `latest`: only the newest.
   */
  async function age(volunteerId: string, o: { createdAt: string; expiresAt?: string; latest?: boolean }) {
    const entries = await t.tdb.db
      .selectFrom('point_entries as e')
      .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
      .select(['e.id', 'e.expires_at'])
      .where('a.kind', '=', 'wallet')
      .where('a.owner_id', '=', volunteerId)
      .where('e.amount', '>', 0)
      .orderBy('e.seq', 'desc')
      .execute();
    for (const e of o.latest ? entries.slice(0, 1) : entries)
      await t.tdb.db
        .updateTable('point_entries')
        .set({ created_at: o.createdAt, ...(o.expiresAt && e.expires_at ? { expires_at: o.expiresAt } : {}) })
        .where('id', '=', e.id)
        .execute();
  }

  it('skips wallets whose expired credits an earlier run handled, and still catches given-back and late points', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    const v = s.volunteer;
    const yearAgo = new Date(testNow() - 400 * DAY).toISOString();
    const expiredLongAgo = new Date(testNow() - 300 * DAY).toISOString();
    await earn(t, s, { minutes: 120 }); // 20, earned a year ago and expired since
    await age(v.volunteerId, { createdAt: yearAgo, expiresAt: expiredLongAgo });
    await earn(t, s, { minutes: 60 }); // 10, earned a year ago, not yet expired
    await age(v.volunteerId, { createdAt: yearAgo, latest: true });
    await spend(t, v, 25); // FIFO: the 20 that expired, then 5 of the 10

    // The first run ever reads every expired credit: nothing of the 20 is left to expire.
    const first = await runExpiry(t.tdb.db, at(-3));
    expect(first.points).toBe(0);
    expect(await wallet(t, v)).toBe(5);
    const timeZone = (await getSettings(t.tdb.db)).timeZone;
    expect(await lastDoneBefore(t.tdb.db, 'points-expiry@', localDate(at(1), timeZone))).toBe(first.period);
    // A balance and an old expired credit: without the window this wallet is read every day.
    expect(await walletsWithExpiredCredits(t.tdb.db, at(1), null)).toContain(v.volunteerId);
    expect(await walletsWithExpiredCredits(t.tdb.db, at(1), at(-4))).not.toContain(v.volunteerId);

    // The redemption undone after the run gives back 25 with the dates of what it used: 20 expired.
    const redeem = await t.tdb.db
      .selectFrom('point_transactions')
      .select('id')
      .where('kind', '=', 'redeem')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    await t.tdb.db
      .transaction()
      .execute((trx) => reverseTransaction(trx, redeem.id, { idempotencyKey: newId(), clipToWallets: true }));
    expect(await wallet(t, v)).toBe(30);
    expect(await walletsWithExpiredCredits(t.tdb.db, at(1), at(-4))).toContain(v.volunteerId);
    expect((await runExpiry(t.tdb.db, at(1))).points).toBe(20);
    expect(await wallet(t, v)).toBe(10);
    // The next day's run, its window starting after these writes, skips the wallet again.
    expect(await walletsWithExpiredCredits(t.tdb.db, at(2), at(1))).not.toContain(v.volunteerId);

    // A credit written already expired (a late record of an old service) is found by when it was written.
    await earn(t, s, { minutes: 30 }); // 5
    await age(v.volunteerId, { createdAt: new Date(testNow()).toISOString(), expiresAt: expiredLongAgo, latest: true });
    expect(await walletsWithExpiredCredits(t.tdb.db, at(1), at(-1))).toContain(v.volunteerId);
  });
});
