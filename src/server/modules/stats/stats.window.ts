/**
 * The time window of a statistics query and its calendar months, in the platform's time zone.
 * Pure functions of their inputs: instants are UTC ISO strings.
 */
import { STATS_WINDOW_MAX_YEARS } from '../../../common/contract/stats.js';
import { ruleBroken } from '../../../common/errors.js';
import { localDate, localMidnight } from '../../../common/zoned-time.js';

export interface Window {
  /** Inclusive start (UTC ISO). */
  from: string;
  /** Exclusive end (UTC ISO). */
  to: string;
}

const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

const yearStart = (year: number, timeZone: string): string => localMidnight(`${year}-01-01`, timeZone);

const localYear = (at: string, timeZone: string): number => Number(localDate(at, timeZone).slice(0, 4));

/**
 * [from, to) from the query: a local day starts at its local midnight and, as `to`, counts in
 * whole; a missing `from` is 1 January of the year `to` falls in (or of this year), a missing
 * `to` the 1 January after `from`. A window that ends before it starts, or spans more than five
 * years, is a 422 naming `to`.
 */
export function resolveWindow(q: { from?: string; to?: string }, now: number, timeZone: string): Window {
  const to0 = q.to === undefined ? undefined : isDay(q.to) ? localMidnight(nextDay(q.to), timeZone) : iso(q.to);
  let from: string;
  if (q.from !== undefined) from = isDay(q.from) ? localMidnight(q.from, timeZone) : iso(q.from);
  else {
    const inside = to0 === undefined ? new Date(now).toISOString() : new Date(Date.parse(to0) - 1).toISOString();
    from = yearStart(localYear(inside, timeZone), timeZone);
  }
  const to = to0 ?? yearStart(localYear(from, timeZone) + 1, timeZone);
  if (to < from) {
    throw ruleBroken('to', 'window_reversed', 'the window ends before it starts (from must not be after to)');
  }
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + STATS_WINDOW_MAX_YEARS);
  if (Date.parse(to) > limit.getTime()) {
    throw ruleBroken('to', 'window_too_long', `the window may span at most ${STATS_WINDOW_MAX_YEARS} years`, {
      years: STATS_WINDOW_MAX_YEARS,
    });
  }
  return { from, to };
}

const iso = (s: string): string => new Date(s).toISOString();

export interface Month {
  /** YYYY-MM, local. */
  month: string;
  from: string;
  to: string;
}

/**
 * The window cut at local month starts: the bounds (window start, each month start inside it,
 * window end) and one entry per month. The first and last month may be partial.
 */
export function monthsOf(w: Window, timeZone: string): { bounds: string[]; months: Month[] } {
  const bounds = [w.from];
  if (w.to > w.from) {
    let day = `${localDate(w.from, timeZone).slice(0, 7)}-01`;
    for (;;) {
      const [y, m] = day.split('-').map(Number) as [number, number];
      day = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      const start = localMidnight(day, timeZone);
      if (start >= w.to) break;
      bounds.push(start);
    }
    bounds.push(w.to);
  }
  const months = bounds.slice(0, -1).map((from, i) => ({
    month: localDate(from, timeZone).slice(0, 7),
    from,
    to: bounds[i + 1] as string,
  }));
  return { bounds, months };
}
