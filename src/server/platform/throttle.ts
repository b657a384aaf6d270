import type { Db } from '../db/database.js';
import * as repo from './throttle.repository.js';

/**
 * Progressive delays for guesses (failed logins): the first `free` failures cost nothing; after
 * them each further attempt is heard only once a delay has passed since the last one, doubling
 * from `baseMs` up to `capMs`. Nothing is ever refused for longer than `capMs`, and an attempt
 * heard after its delay is judged on its merits: the right password gets in however many wrong
 * ones came before. The count is forgotten `memoryMs` after the last attempt.
 */
export interface DelayPolicy {
  free: number;
  baseMs: number;
  capMs: number;
  memoryMs: number;
}

/** How long the attempt after `failures` failures waits. */
export function delayAfter(p: DelayPolicy, failures: number): number {
  if (failures < p.free) return 0;
  return Math.min(p.baseMs * 2 ** Math.min(failures - p.free, 30), p.capMs);
}

/** The delays as the upsert's CASE steps, from `now`. */
function stepsFrom(p: DelayPolicy, now: number): repo.NextAtSteps {
  const steps: string[] = [];
  for (let c = p.free; delayAfter(p, c) < p.capMs; c += 1) steps.push(new Date(now + delayAfter(p, c)).toISOString());
  return { from: p.free, steps, otherwise: new Date(now + p.capMs).toISOString() };
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const waitSeconds = (nextAt: string, now: number) => Math.max(1, Math.ceil((Date.parse(nextAt) - now) / 1000));

/**
 * Claims an attempt for `key`: refused (with the seconds to wait) while the delay of its last
 * failures runs, otherwise counted at once as a failure — one statement, so parallel attempts
 * cannot all slip in when a delay ends. `clearAttempts` forgets them after a success.
 */
export async function claimAttempt(db: Db, key: string, p: DelayPolicy, now = Date.now()): Promise<Verdict> {
  const at = new Date(now).toISOString();
  const counted = await repo.takeAttempt(db, key, at, stepsFrom(p, now), new Date(now + p.memoryMs).toISOString());
  if (counted !== undefined) return { allowed: true };
  const row = await repo.liveCounter(db, key, at);
  return { allowed: false, retryAfterSeconds: row ? waitSeconds(row.nextAt, now) : 1 };
}

/** Whether `key` may be tried now, without counting anything. */
export async function peekAttempt(db: Db, key: string, now = Date.now()): Promise<Verdict> {
  const row = await repo.liveCounter(db, key, new Date(now).toISOString());
  return row && Date.parse(row.nextAt) > now
    ? { allowed: false, retryAfterSeconds: waitSeconds(row.nextAt, now) }
    : { allowed: true };
}

/** Counts one failure for `key`, whatever its delay (for slow-downs checked with `peekAttempt`). */
export async function addFailure(db: Db, key: string, p: DelayPolicy, now = Date.now()): Promise<void> {
  await repo.addEvent(
    db,
    key,
    new Date(now).toISOString(),
    stepsFrom(p, now),
    new Date(now + p.memoryMs).toISOString(),
    true,
  );
}

export const clearAttempts = (db: Db, key: string): Promise<void> => repo.deleteCounter(db, key);

/** Deletes the counters nobody needs any more (the job loop calls it). */
export const forgetExpiredCounters = (db: Db, now = Date.now()): Promise<number> =>
  repo.deleteExpiredCounters(db, new Date(now).toISOString());
