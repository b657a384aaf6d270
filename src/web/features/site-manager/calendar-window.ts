/** A calendar view: one week (Monday first) or one month, in the device's time zone. */
export type CalendarView = 'week' | 'month';

export interface CalendarWindow {
  from: Date;
  to: Date;
  /** Each day of the window, at local midnight. */
  days: Date[];
}

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

/** The week or month holding `anchor`. */
export function windowOf(view: CalendarView, anchor: Date): CalendarWindow {
  const day = startOfDay(anchor);
  const from =
    view === 'week'
      ? new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7))
      : new Date(day.getFullYear(), day.getMonth(), 1);
  const to =
    view === 'week'
      ? new Date(from.getFullYear(), from.getMonth(), from.getDate() + 7)
      : new Date(from.getFullYear(), from.getMonth() + 1, 1);
  const days: Date[] = [];
  for (let d = from; d < to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) days.push(d);
  return { from, to, days };
}

/** The anchor one window earlier (-1) or later (+1). */
export function shiftAnchor(view: CalendarView, anchor: Date, step: -1 | 1): Date {
  return view === 'week'
    ? new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate() + 7 * step)
    : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** A local day's key, for grouping shifts by the day they start. */
export const dayKey = (d: Date): string => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
