import { addDays, localDate, localMidnight, weekdayOf } from '../../../common/zoned-time.js';
import type { LimitPeriod } from '../../../common/contract/supermarkets.js';

/**
 * Where the current period of a per-person limit began (UTC ISO), counted in local time:
 * today, this week (from Monday), this month, this year; null for `ever`.
 */
export function periodStart(period: LimitPeriod, now: number, timeZone: string): string | null {
  if (period === 'ever') return null;
  const today = localDate(now, timeZone);
  let first = today;
  if (period === 'week') {
    first = addDays(today, -weekdayOf(today));
  } else if (period === 'month') first = `${today.slice(0, 7)}-01`;
  else if (period === 'year') first = `${today.slice(0, 4)}-01-01`;
  return localMidnight(first, timeZone);
}
