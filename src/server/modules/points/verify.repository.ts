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

/** Entries whose running balance disagrees with the one before plus their amount. */
export async function entriesOf(db: Db, accountId: string) {
  return db
    .selectFrom('point_entries')
    .select(['seq', 'amount', 'balance_after'])
    .where('account_id', '=', accountId)
    .orderBy('seq')
    .execute();
}
