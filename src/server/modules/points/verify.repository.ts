import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Each account's cached balance beside the sum, count and last running balance of its entries. */
export async function accountTotals(db: Db) {
  return db
    .selectFrom('point_accounts as a')
    .leftJoin('point_entries as e', 'e.account_id', 'a.id')
    .select((eb) => [
      'a.id',
      'a.kind',
      'a.owner_id',
      'a.balance',
      'a.non_negative',
      'a.entry_seq',
      eb.fn.sum<number>('e.amount').as('sum'),
      eb.fn.count<number>('e.id').as('n'),
      eb.fn.max<number>('e.seq').as('max_seq'),
    ])
    .groupBy(['a.id', 'a.kind', 'a.owner_id', 'a.balance', 'a.non_negative', 'a.entry_seq'])
    .orderBy('a.id')
    .execute();
}

/** Transactions whose entries do not sum to zero. */
export async function unbalancedTransactions(db: Db) {
  return db
    .selectFrom('point_entries')
    .select((eb) => ['transaction_id', eb.fn.sum<number>('amount').as('sum')])
    .groupBy('transaction_id')
    .having((eb) => eb.fn.sum('amount'), '!=', 0)
    .execute();
}

/**
 * Entries whose stored running balance disagrees with the sum of their account's entries up
 * to them: one window query over the whole table (PostgreSQL and SQLite ≥ 3.25 alike).
 */
export async function runningBalanceMismatches(db: Db) {
  const r = await sql<{ account_id: string; seq: number; balance_after: number; running: number }>`
    select account_id, seq, balance_after, running from (
      select account_id, seq, balance_after,
             sum(amount) over (partition by account_id order by seq rows unbounded preceding) as running
      from point_entries
    ) w
    where w.running <> w.balance_after
    order by account_id, seq
    limit 100`.execute(db);
  return r.rows;
}
