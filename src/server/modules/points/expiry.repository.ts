import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';

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

/**
 * Claims the named lease until `until` if nobody holds it (or the holder's lease ran out):
 * one conditional UPDATE, so of two processes exactly one wins.
 */
export async function claimLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name, holder: null, lease_until: '1970-01-01T00:00:00.000Z' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .updateTable('job_leases')
    .set({ holder, lease_until: until })
    .where('name', '=', name)
    .where('lease_until', '<', now)
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

export async function releaseLease(db: Db, name: string, holder: string, now: string): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ holder: null, lease_until: now })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** Marks a period done (a lease row that never runs out), so the scheduler skips it. */
export async function markDone(db: Db, name: string): Promise<void> {
  await db
    .insertInto('job_leases')
    .values({ name, holder: 'done', lease_until: '9999-12-31T00:00:00.000Z' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function isDone(db: Db, name: string): Promise<boolean> {
  const r = await db
    .selectFrom('job_leases')
    .select(sql<number>`1`.as('one'))
    .where('name', '=', name)
    .where('holder', '=', 'done')
    .executeTakeFirst();
  return !!r;
}
