import type { Db } from '../../db/database.js';

/** The wallet's entries with their transactions, newest first, before `beforeSeq`. */
export async function walletEntries(db: Db, volunteerId: string, beforeSeq: number | null, limit: number) {
  let q = db
    .selectFrom('point_entries as e')
    .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
    .innerJoin('point_transactions as t', 't.id', 'e.transaction_id')
    .leftJoin('point_earnings as pe', 'pe.transaction_id', 't.id')
    .select([
      't.id',
      't.kind',
      't.memo',
      'pe.breakdown',
      'e.amount',
      'e.seq',
      'e.balance_after',
      'e.expires_at',
      'e.created_at',
    ])
    .where('a.kind', '=', 'wallet')
    .where('a.owner_id', '=', volunteerId);
  if (beforeSeq !== null) q = q.where('e.seq', '<', beforeSeq);
  return q.orderBy('e.seq', 'desc').limit(limit).execute();
}

/** Facts for the adjustment permission check. */
export async function volunteerRegion(db: Db, volunteerId: string) {
  return db.selectFrom('volunteers').select(['id', 'region_code']).where('id', '=', volunteerId).executeTakeFirst();
}
