import { localDate } from '../../../common/hours.js';
import type { LimitPeriod } from '../../../common/contract/supermarkets.js';

const DAY_MS = 86_400_000;

/** How far a time zone's wall clock is ahead of UTC at instant `t`, in milliseconds. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/** The UTC instant (ISO) at which local day `date` (YYYY-MM-DD) begins in `timeZone`. */
export function localMidnightUtc(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00.000Z`);
  let t = guess - offsetAt(guess, timeZone);
  // Near an offset change the first guess can be off by the change; one more step settles it.
  t = guess - offsetAt(t, timeZone);
  return new Date(t).toISOString();
}

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** [start, end) in UTC of the local days `from` to `to`, both inclusive. */
export function localDaysRange(from: string, to: string, timeZone: string): { start: string; end: string } {
  return { start: localMidnightUtc(from, timeZone), end: localMidnightUtc(addDays(to, 1), timeZone) };
}

/**
 * Where the current period of a per-person limit began (UTC ISO), counted in local time:
 * today, this week (from Monday), this month, this year; null for `ever`.
 */
export function periodStart(period: LimitPeriod, now: number, timeZone: string): string | null {
  if (period === 'ever') return null;
  const today = localDate(now, timeZone);
  let first = today;
  if (period === 'week') {
    const weekday = new Date(`${today}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
    first = addDays(today, -((weekday + 6) % 7));
  } else if (period === 'month') first = `${today.slice(0, 7)}-01`;
  else if (period === 'year') first = `${today.slice(0, 4)}-01-01`;
  return localMidnightUtc(first, timeZone);
}

/** Whether YYYY-MM-DD is a real calendar day. */
export function isRealDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}
