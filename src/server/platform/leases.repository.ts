import { sql } from 'kysely';
import { toNumber, type Db } from '../db/database.js';

// Named leases in one table, so that of several processes exactly one runs a job at a time,
// and a job done for a period is not done again.

/** When a free lease runs out: long ago. */
const FREE = '1970-01-01T00:00:00.000Z';

/**
 * Claims the named lease until `until` if nobody holds it (or the holder's lease ran out):
 * one conditional UPDATE, so of two processes exactly one wins.
 */
export async function claimLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name, holder: null, lease_until: FREE })
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

/**
 * Gives a lease back at once. It is set to run out at the epoch, not at "now": a claim in the
 * same millisecond would otherwise find it not yet run out (`<` a now equal to it) and wrongly
 * lose to a holder that has gone.
 */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ holder: null, lease_until: FREE })
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

/** The latest period marked done under `prefix` before `period` (periods sort as text), or null. */
export async function lastDoneBefore(db: Db, prefix: string, period: string): Promise<string | null> {
  const r = await db
    .selectFrom('job_leases')
    .select((eb) => eb.fn.max('name').as('name'))
    .where('name', '>=', prefix)
    .where('name', '<', `${prefix}${period}`)
    .where('holder', '=', 'done')
    .executeTakeFirst();
  return r?.name ? r.name.slice(prefix.length) : null;
}

/** Extends a lease its holder still holds; false when another process took it over. */
export async function renewLease(db: Db, name: string, holder: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('job_leases')
    .set({ lease_until: until })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

/** Whether someone other than `holder` holds the named lease at `now`. */
export async function heldByOther(db: Db, name: string, holder: string, now: string): Promise<boolean> {
  const r = await db
    .selectFrom('job_leases')
    .select(sql<number>`1`.as('one'))
    .where('name', '=', name)
    .where('holder', '<>', holder)
    .where('lease_until', '>=', now)
    .executeTakeFirst();
  return !!r;
}
