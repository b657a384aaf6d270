import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { newId } from '../../ids.js';
import { balanceOf, postTransaction, reverseTransaction, walletOf, type AccountRef } from './ledger.js';
import { verifyLedger } from './verify.js';

const system: AccountRef = { kind: 'system', ownerId: 'city' };

describe.each(DIALECTS)('points ledger on %s', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(() => tdb.drop());
  afterEach(async () => expect((await verifyLedger(tdb.db)).problems).toEqual([]));

  const grant = (to: AccountRef, amount: number, key = newId()) =>
    tdb.db.transaction().execute((trx) =>
      postTransaction(trx, {
        kind: 'adjust',
        idempotencyKey: key,
        source: 'adjustment',
        postings: [
          { account: to, amount },
          { account: system, amount: -amount },
        ],
      }),
    );
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (e) {
      return e instanceof AppError ? e.code : String(e);
    }
  };
  const entrySum = async () =>
    Number(
      (
        await tdb.db
          .selectFrom('point_entries')
          .select((eb) => eb.fn.sum<number>('amount').as('s'))
          .executeTakeFirst()
      )?.s ?? 0,
    );

  it('posts double entries, replays a repeated key once and refuses a changed repeat', async () => {
    const w = walletOf(newId());
    const first = await grant(w, 100, 'k-1');
    const again = await grant(w, 100, 'k-1');
    expect(again).toEqual({ id: first.id, replayed: true });
    expect(await balanceOf(tdb.db, w)).toBe(100);
    expect(await codeOf(grant(w, 90, 'k-1'))).toBe('IDEMPOTENCY_MISMATCH');
    expect(await balanceOf(tdb.db, w)).toBe(100);
    const entries = await tdb.db
      .selectFrom('point_entries')
      .selectAll()
      .where('transaction_id', '=', first.id)
      .execute();
    expect(entries.map((e) => e.amount).sort((a, b) => a - b)).toEqual([-100, 100]);
    expect(await entrySum()).toBe(0);
  });

  it('refuses to take a wallet below zero and writes nothing', async () => {
    const w = walletOf(newId());
    await grant(w, 50);
    const before = await tdb.db.selectFrom('point_entries').select('id').execute();
    expect(await codeOf(grant(w, -51))).toBe('INSUFFICIENT_POINTS');
    expect((await tdb.db.selectFrom('point_entries').select('id').execute()).length).toBe(before.length);
    expect(await balanceOf(tdb.db, w)).toBe(50);
    await grant(w, -50);
    expect(await balanceOf(tdb.db, w)).toBe(0);
  });

  it('never overdraws under concurrent debits and applies a concurrently repeated key once', async () => {
    const w = walletOf(newId());
    await grant(w, 1000);
    const results = await Promise.all(Array.from({ length: 50 }, () => codeOf(grant(w, -30))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(33);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await balanceOf(tdb.db, w)).toBe(10);
    const key = newId();
    const same = await Promise.all(Array.from({ length: 20 }, () => grant(w, 5, key)));
    expect(new Set(same.map((s) => s.id)).size).toBe(1);
    expect(same.filter((s) => !s.replayed)).toHaveLength(1);
    expect(await balanceOf(tdb.db, w)).toBe(15);
    const rows = await tdb.db
      .selectFrom('point_entries as e')
      .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
      .select(['e.seq', 'e.balance_after'])
      .where('a.owner_id', '=', w.ownerId)
      .orderBy('e.seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.at(-1)?.balance_after).toBe(15);
    expect(await entrySum()).toBe(0);
  });

  it('reverses a transaction, clipping to what the wallet still holds when asked', async () => {
    const w = walletOf(newId());
    const t = await grant(w, 80);
    await grant(w, -50);
    expect(
      await codeOf(tdb.db.transaction().execute((trx) => reverseTransaction(trx, t.id, { idempotencyKey: newId() }))),
    ).toBe('INSUFFICIENT_POINTS');
    const key = newId();
    const r = await tdb.db
      .transaction()
      .execute((trx) => reverseTransaction(trx, t.id, { idempotencyKey: key, clipToWallets: true }));
    expect(r.shortfall).toBe(50);
    expect(await balanceOf(tdb.db, w)).toBe(0);
    const again = await tdb.db
      .transaction()
      .execute((trx) => reverseTransaction(trx, t.id, { idempotencyKey: key, clipToWallets: true }));
    expect(again.id).toBe(r.id);
    expect(again.replayed).toBe(true);
    expect(await entrySum()).toBe(0);
  });
});
