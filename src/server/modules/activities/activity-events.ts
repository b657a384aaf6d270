import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ActivityRow, ShiftRow } from './activities.repository.js';

/**
 * What other modules do when an activity changes. The activities module knows nothing of
 * sign-ups or insurance: those modules depend on it and listen here (app.ts wires them at
 * start-up), so the dependency runs one way. Every handler of a change runs inside the
 * transaction that makes it, so the change and its consequences land together or not at all.
 */
export interface ActivityListener {
  /** Before a risky activity is published, or an activity is marked risky: throws to refuse. */
  beforeRisky?(db: Db, activity: ActivityRow, liveShifts: ShiftRow[], before: string): Promise<void>;
  /** A shift's times moved (the shift is locked and already updated). */
  shiftRetimed?(trx: Transaction<DB>, activity: ActivityRow, shift: ShiftRow): Promise<void>;
  /** A shift gained places; `taken` is the count before any are filled. */
  placesAdded?(trx: Transaction<DB>, activity: ActivityRow, shift: ShiftRow, taken: number): Promise<void>;
  /** The activity is being cancelled (its shifts are locked); returns details for the audit entry. */
  activityCancelled?(
    trx: Transaction<DB>,
    activity: ActivityRow,
    at: string,
    reason: string,
  ): Promise<Record<string, unknown>>;
}

const listeners: ActivityListener[] = [];

/** Adds a listener once; adding the same one again changes nothing. */
export function listenToActivities(listener: ActivityListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

type Handler = Exclude<keyof ActivityListener, 'activityCancelled'>;

/** Runs every listener's handler of one kind, in the order they were added. */
export async function emitActivityEvent<K extends Handler>(
  kind: K,
  ...args: Parameters<NonNullable<ActivityListener[K]>>
): Promise<void> {
  for (const l of listeners) {
    const handler = l[kind] as ((...a: typeof args) => Promise<void>) | undefined;
    if (handler) await handler(...args);
  }
}

/** Tells every listener of a cancellation; their audit details merged. */
export async function emitActivityCancelled(
  trx: Transaction<DB>,
  activity: ActivityRow,
  at: string,
  reason: string,
): Promise<Record<string, unknown>> {
  let details: Record<string, unknown> = {};
  for (const l of listeners) {
    if (l.activityCancelled) details = { ...details, ...(await l.activityCancelled(trx, activity, at, reason)) };
  }
  return details;
}
