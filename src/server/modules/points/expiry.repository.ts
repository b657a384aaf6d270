import type { Db } from '../../db/database.js';

/**
 * Volunteers whose wallet, with a balance, may hold unspent points expired by `cutoff`. With
 * `since` (the start of the last run's day, less a margin) only what can have changed since that
 * run: credits whose date fell in (since, cutoff], and credits written since `since` that have
 * expired or carry no date (points a reversed redemption gave back keep the dates of the credits
 * it had used). Without it, every wallet with a credit that ever expired.
 */
export async function walletsWithExpiredCredits(db: Db, cutoff: string, since: string | null): Promise<string[]> {
  const credits = () =>
    db
      .selectFrom('point_entries as e')
      .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
      .select('a.owner_id')
      .where('a.kind', '=', 'wallet')
      .where('a.balance', '>', 0)
      .where('e.amount', '>', 0);
  const expired = credits().where('e.expires_at', 'is not', null).where('e.expires_at', '<=', cutoff);
  if (since === null) {
    const rows = await expired.distinct().orderBy('a.owner_id').execute();
    return rows.map((r) => r.owner_id);
  }
  const rows = await expired
    .where('e.expires_at', '>', since)
    .union(
      credits()
        .where('e.created_at', '>=', since)
        .where((eb) => eb.or([eb('e.expires_at', 'is', null), eb('e.expires_at', '<=', cutoff)])),
    )
    .execute();
  return rows.map((r) => r.owner_id).sort();
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
