import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** The counter PIN row of a volunteer, if they set one. */
export async function pinOf(db: Db, volunteerId: string) {
  return db
    .selectFrom('counter_pins')
    .select(['pin_hash', 'failures', 'locked_until'])
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

/** Sets or replaces a PIN; a new PIN starts with no wrong tries and no lock. Answers whether one existed. */
export async function putPin(db: Db, volunteerId: string, pinHash: string, at: string): Promise<boolean> {
  const existed = !!(await pinOf(db, volunteerId));
  await db
    .insertInto('counter_pins')
    .values({ volunteer_id: volunteerId, pin_hash: pinHash, failures: 0, locked_until: null, updated_at: at })
    .onConflict((oc) =>
      oc.column('volunteer_id').doUpdateSet({ pin_hash: pinHash, failures: 0, locked_until: null, updated_at: at }),
    )
    .execute();
  return existed;
}

/**
 * Counts one wrong PIN in a single statement (two counters racing both count), and locks the
 * PIN until `lockUntil` once `maxFailures` are reached. A lock that has run out starts a new run.
 */
export async function countFailure(
  db: Db,
  volunteerId: string,
  p: { now: string; maxFailures: number; lockUntil: string },
): Promise<void> {
  await db
    .updateTable('counter_pins')
    .set({ failures: 0, locked_until: null })
    .where('volunteer_id', '=', volunteerId)
    .where('locked_until', '<=', p.now)
    .execute();
  await db
    .updateTable('counter_pins')
    .set({
      failures: sql<number>`failures + 1`,
      locked_until: sql<
        string | null
      >`CASE WHEN failures + 1 >= ${p.maxFailures} THEN ${p.lockUntil} ELSE locked_until END`,
    })
    .where('volunteer_id', '=', volunteerId)
    .execute();
}

/** A right PIN ends the run of wrong ones. */
export async function clearFailures(db: Db, volunteerId: string): Promise<void> {
  await db
    .updateTable('counter_pins')
    .set({ failures: 0, locked_until: null })
    .where('volunteer_id', '=', volunteerId)
    .execute();
}

/** The volunteer a volunteer code names (codes are stored upper-case). */
export async function volunteerIdByCode(db: Db, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('volunteers').select('id').where('volunteer_code', '=', code).executeTakeFirst();
  return r?.id;
}

/** The volunteer whose account's phone has this keyed hash. */
export async function volunteerIdByPhoneHash(db: Db, hash: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select('volunteers.id')
    .where('users.phone_hash', '=', hash)
    .executeTakeFirst();
  return r?.id;
}
