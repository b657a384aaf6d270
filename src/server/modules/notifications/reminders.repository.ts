import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface ReminderDue {
  signupId: string;
  userId: string;
  shiftId: string;
  activityId: string;
  activityTitle: string;
  shiftStart: string;
  address: string;
}

/**
 * Approved sign-ups of shifts starting in (from, to] that have not been reminded yet: the
 * reminder's dedupe key is the mark, so a sign-up approved after the shift's first round of
 * reminders (a wait-list promotion) still gets one.
 */
export async function remindersDue(db: Db, from: string, to: string, limit: number): Promise<ReminderDue[]> {
  const rows = await db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select([
      'signups.id as signupId',
      'volunteers.user_id as userId',
      'shifts.id as shiftId',
      'activities.id as activityId',
      'activities.title as activityTitle',
      'shifts.start_at as shiftStart',
      'activities.address as address',
    ])
    .where('signups.status', '=', 'approved')
    .where('shifts.start_at', '>', from)
    .where('shifts.start_at', '<=', to)
    .where('shifts.status', '<>', 'cancelled')
    .where('activities.status', 'in', ['published', 'running'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notifications')
            .select('notifications.id')
            .where('notifications.dedupe_key', '=', sql<string>`'reminder:' || ${sql.ref('signups.id')}`),
        ),
      ),
    )
    .orderBy('shifts.start_at')
    .orderBy('signups.id')
    .limit(limit)
    .execute();
  return rows;
}
