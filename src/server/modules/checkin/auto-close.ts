import { AUTO_CLOSE_GRACE_MINUTES } from '../../../common/hours.js';
import type { Db } from '../../db/database.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { closeAttendance } from './attendance.core.js';
import * as repo from './checkin.repository.js';

const BATCH = 200;

/**
 * Closes check-ins whose check-out never came, once their shift ended more than the grace
 * period ago: checked out at the shift's end, flagged `auto_closed`, with a pending record
 * flagged the same way. Its minutes run to the shift's end (most such volunteers simply
 * forgot to check out), but it stays pending: the organiser confirms, corrects or revokes
 * it. Idempotent: an attendance closes once, and a second run finds nothing. Returns how
 * many it closed.
 */
export async function closeOverdueAttendance(db: Db, now: number = Date.now()): Promise<number> {
  const cutoff = new Date(now - AUTO_CLOSE_GRACE_MINUTES * 60_000).toISOString();
  const settings = await getSettings(db);
  let closed = 0;
  for (;;) {
    const due = await repo.overdueOpenAttendance(db, cutoff, BATCH);
    const before = closed;
    for (const d of due) {
      const [attendance, shift] = await Promise.all([repo.attendanceById(db, d.id), repo.shiftFacts(db, d.shift_id)]);
      if (!attendance || !shift || attendance.checked_out_at !== null) continue;
      const at =
        Date.parse(attendance.checked_in_at) > Date.parse(shift.end_at) ? attendance.checked_in_at : shift.end_at;
      const recordId = await db.transaction().execute((trx) =>
        closeAttendance(trx, {
          attendance,
          shift,
          at,
          method: 'auto',
          position: null,
          flags: ['auto_closed'],
          recordedBy: null,
          settings,
        }),
      );
      if (recordId) closed += 1;
    }
    // A full batch that closed nothing would come back unchanged: stop rather than spin.
    if (due.length < BATCH || closed === before) return closed;
  }
}
