import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notify } from '../../platform/notify/notify.js';
import { markShiftReminded } from '../activities/index.js';
import { remindersDue } from './reminders.repository.js';

/** How far ahead of a shift its volunteers are reminded. */
export const REMINDER_AHEAD_MS = 24 * 60 * 60_000;

/** A key per sign-up: a reminder is queued once, whatever the number of processes or ticks. */
export const reminderKey = (signupId: string): string => `reminder:${signupId}`;

/**
 * Queues a `shift_reminder` for every approved sign-up of a shift that starts within the
 * next 24 hours and has not been reminded. Each reminder is its own transaction (inbox row,
 * outbox rows, the shift's reminded_at); the dedupe key makes concurrent runs harmless.
 * Returns how many were queued.
 */
export async function queueShiftReminders(
  db: Kysely<DB>,
  now: string | Date = new Date(),
  batch = 500,
): Promise<number> {
  const from = typeof now === 'string' ? now : now.toISOString();
  const to = new Date(Date.parse(from) + REMINDER_AHEAD_MS).toISOString();
  let queued = 0;
  for (const r of await remindersDue(db, from, to, batch)) {
    const id = await db.transaction().execute(async (trx) => {
      const made = await notify(
        trx,
        {
          userId: r.userId,
          kind: 'shift_reminder',
          params: { activityTitle: r.activityTitle, shiftStart: r.shiftStart, address: r.address },
          data: { activityId: r.activityId, shiftId: r.shiftId, signupId: r.signupId },
          dedupeKey: reminderKey(r.signupId),
        },
        { now: from },
      );
      await markShiftReminded(trx, r.shiftId, from);
      return made;
    });
    if (id) queued += 1;
  }
  return queued;
}
