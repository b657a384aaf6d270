import type { RecurrenceT, ShiftInputT } from '../../../common/contract/activities.js';
import { ACTIVITY_LIMITS } from '../../../common/contract/activities.js';
import { ruleBroken } from '../../../common/errors.js';

const WEEK_MS = 7 * 86_400_000;

export interface PlannedShift {
  start: string;
  end: string;
  deadline: string | null;
  input: ShiftInputT;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The shifts to create: the given ones and, with weekly recurrence, their copies 7, 14 …
 * days later. China keeps no daylight saving, so a week is always 168 hours.
 */
export function expandShifts(shifts: ShiftInputT[], recurrence: RecurrenceT | undefined): PlannedShift[] {
  const weeks = recurrence?.count ?? (recurrence?.until ? ACTIVITY_LIMITS.recurrenceMax + 1 : 1);
  const until = recurrence?.until ? Date.parse(recurrence.until) : Infinity;
  const out: PlannedShift[] = [];
  for (let k = 0; k < weeks; k++) {
    for (const s of shifts) {
      const start = Date.parse(s.start) + k * WEEK_MS;
      if (k > 0 && start > until) continue;
      out.push({
        start: iso(start),
        end: iso(Date.parse(s.end) + k * WEEK_MS),
        deadline: s.signupDeadline ? iso(Date.parse(s.signupDeadline) + k * WEEK_MS) : null,
        input: s,
      });
    }
  }
  if (recurrence?.until && Date.parse(recurrence.until) > Date.parse(shifts[0]?.start ?? '') + 53 * WEEK_MS) {
    throw ruleBroken('recurrence.until', 'recurrence_too_long', 'at most 52 weeks after the first shift');
  }
  if (out.length > ACTIVITY_LIMITS.expandedShiftsMax) {
    throw ruleBroken(
      'shifts',
      'too_many_shifts',
      `recurrence would make ${out.length} shifts; at most ${ACTIVITY_LIMITS.expandedShiftsMax}`,
      { count: out.length, max: ACTIVITY_LIMITS.expandedShiftsMax },
    );
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
