import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The SQL of the security counters (table `security_counters`, migration 230): one row per key,
 * shared by every process, forgotten after `expires_at`. Every change is one statement (an
 * upsert), so two processes counting the same key at once never lose a count. Times are
 * ISO-8601 UTC text, which compares in time order.
 */

const T = 'security_counters';
const col = (c: string) => sql.ref(`${T}.${c}`);

/** When the next attempt is heard, by the count after this one: `[count, ISO instant]` steps, then `otherwise`. */
export interface NextAtSteps {
  /** Counts below `from` wait for nothing: the next attempt is heard at `now`. */
  from: number;
  /** The instant for count `from`, `from + 1`, … in turn. */
  steps: string[];
  /** The instant for every larger count. */
  otherwise: string;
}

function nextAtOf(count: RawBuilder<number>, now: string, s: NextAtSteps): RawBuilder<string> {
  const whens = s.steps.map((at, i) => sql`when ${count} = ${s.from + i} then ${at}`);
  return sql<string>`case when ${count} < ${s.from} then ${now} ${sql.join(whens, sql` `)} else ${s.otherwise} end`;
}

/** The count after one more event: 1 when the row had expired. */
const countAfter = (now: string) =>
  sql<number>`(case when ${col('expires_at')} <= ${now} then 1 else ${col('count')} + 1 end)`;

/**
 * Counts one attempt for `key` unless it comes before the row's `next_at`; answers the new
 * count, or undefined when the attempt is too early (nothing is changed then).
 */
export async function takeAttempt(
  db: Db,
  key: string,
  now: string,
  next: NextAtSteps,
  expiresAt: string,
): Promise<number | undefined> {
  const first = nextAtOf(sql<number>`1`, now, next);
  const row = await db
    .insertInto(T)
    .values({ key, count: 1, window_start: now, next_at: first, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          count: countAfter(now),
          window_start: sql<string>`(case when ${col('expires_at')} <= ${now} then ${now} else ${col('window_start')} end)`,
          next_at: nextAtOf(countAfter(now), now, next),
          expires_at: expiresAt,
        })
        .where((eb) => eb.or([eb(`${T}.expires_at`, '<=', now), eb(`${T}.next_at`, '<=', now)])),
    )
    .returning('count')
    .executeTakeFirst();
  return row ? Number(row.count) : undefined;
}

/**
 * Counts one event for `key` whatever its `next_at`; answers the new count. `slide`: the row
 * expires at `expiresAt` from this event on (a memory of the last failure); otherwise only a
 * new window gets it (a fixed window).
 */
export async function addEvent(db: Db, key: string, now: string, next: NextAtSteps, expiresAt: string, slide: boolean) {
  const row = await db
    .insertInto(T)
    .values({ key, count: 1, window_start: now, next_at: nextAtOf(sql<number>`1`, now, next), expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: countAfter(now),
        window_start: sql<string>`(case when ${col('expires_at')} <= ${now} then ${now} else ${col('window_start')} end)`,
        next_at: nextAtOf(countAfter(now), now, next),
        expires_at: slide
          ? expiresAt
          : sql<string>`(case when ${col('expires_at')} <= ${now} then ${expiresAt} else ${col('expires_at')} end)`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Fixed windows: counts one event unless `key` already holds `max` in its unexpired window;
 * answers whether it was counted. A new window starts when the old one has expired.
 */
export async function takeInWindow(db: Db, key: string, max: number, now: string, windowEnd: string) {
  const row = await db
    .insertInto(T)
    .values({ key, count: 1, window_start: now, next_at: now, expires_at: windowEnd })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          count: countAfter(now),
          window_start: sql<string>`(case when ${col('expires_at')} <= ${now} then ${now} else ${col('window_start')} end)`,
          expires_at: sql<string>`(case when ${col('expires_at')} <= ${now} then ${windowEnd} else ${col('expires_at')} end)`,
        })
        .where((eb) => eb.or([eb(`${T}.expires_at`, '<=', now), eb(`${T}.count`, '<', max)])),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** The unexpired row of `key`, if any. */
export async function liveCounter(db: Db, key: string, now: string) {
  const row = await db
    .selectFrom(T)
    .select(['count', 'next_at', 'expires_at'])
    .where('key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { count: Number(row.count), nextAt: row.next_at, expiresAt: row.expires_at };
}

export async function deleteCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom(T).where('key', '=', key).execute();
}

/** Forgets the rows that expired before `now`; answers how many. */
export async function deleteExpiredCounters(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom(T).where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
