import type { Db } from '../../db/database.js';

/** Ends every session of the user; answers how many there were. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Forgets sessions past their absolute end or idle since before `idleSince`. */
export async function deleteDeadSessions(db: Db, now: string, idleSince: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb.and([eb('last_seen_at', 'is not', null), eb('last_seen_at', '<=', idleSince)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
