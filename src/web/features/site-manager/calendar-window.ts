import { addDays, localMidnight, weekdayOf } from '../../../common/zoned-time.js';

/** A calendar view: one week (Monday first) or one month, on the platform's calendar. */
export type CalendarView = 'week' | 'month';

export interface CalendarWindow {
  /** The platform's midnight that starts the first day (UTC ISO). */
  from: string;
  /** The platform's midnight after the last day (UTC ISO), exclusive. */
  to: string;
  /** Each day of the window, as YYYY-MM-DD. */
  days: string[];
}

const firstOfMonth = (day: string, step = 0): string => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + step;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};

/** The week or month holding the day `anchor` (YYYY-MM-DD), its bounds in `timeZone`. */
export function windowOf(view: CalendarView, anchor: string, timeZone: string): CalendarWindow {
  const first = view === 'week' ? addDays(anchor, -weekdayOf(anchor)) : firstOfMonth(anchor);
  const next = view === 'week' ? addDays(first, 7) : firstOfMonth(first, 1);
  const days: string[] = [];
  for (let d = first; d < next; d = addDays(d, 1)) days.push(d);
  return { from: localMidnight(first, timeZone), to: localMidnight(next, timeZone), days };
}

/** The anchor day one window earlier (-1) or later (+1). */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  return view === 'week' ? addDays(anchor, 7 * step) : firstOfMonth(anchor, step);
}

/** A calendar day as an instant that any formatter shows as that day when told `timeZone: 'UTC'`. */
export const dayAsDate = (day: string): Date => new Date(`${day}T12:00:00.000Z`);
