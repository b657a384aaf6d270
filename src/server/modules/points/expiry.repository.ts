import type { Db } from '../../db/database.js';

/** Volunteers whose wallet holds a credit that expired by `cutoff` (spent or not). */
export async function walletsWithExpiredCredits(db: Db, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('point_entries as e')
    .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
    .select('a.owner_id')
    .distinct()
    .where('a.kind', '=', 'wallet')
    .where('e.amount', '>', 0)
    .where('e.expires_at', 'is not', null)
    .where('e.expires_at', '<=', cutoff)
    .where('a.balance', '>', 0)
    .orderBy('a.owner_id')
    .execute();
  return rows.map((r) => r.owner_id);
}

export interface WalletEntry {
  seq: number;
  amount: number;
  expires_at: string | null;
  transaction_id: string;
  kind: string;
  reverses_id: string | null;
}

/** Every entry of one wallet in its order, with what kind of transaction wrote it. */
export async function walletHistory(db: Db, accountId: string): Promise<WalletEntry[]> {
  const rows = await db
    .selectFrom('point_entries as e')
    .innerJoin('point_transactions as t', 't.id', 'e.transaction_id')
    .select(['e.seq', 'e.amount', 'e.expires_at', 'e.transaction_id', 't.kind', 't.reverses_id'])
    .where('e.account_id', '=', accountId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), amount: Number(r.amount) }));
}
