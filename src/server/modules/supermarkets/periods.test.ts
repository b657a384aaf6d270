import { describe, expect, it } from 'vitest';
import { isRealDate, localDaysRange, localMidnightUtc, periodStart } from './periods.js';

const TZ = 'Asia/Shanghai';

describe('limit periods in local time', () => {
  // 2026-12-02 is a Wednesday; 00:30 in Shanghai is still 1 December in UTC.
  const now = Date.parse('2026-12-01T16:30:00.000Z');

  it('starts days, weeks (Monday), months and years at local midnight', () => {
    expect(periodStart('day', now, TZ)).toBe('2026-12-01T16:00:00.000Z');
    expect(periodStart('week', now, TZ)).toBe('2026-11-29T16:00:00.000Z');
    expect(periodStart('month', now, TZ)).toBe('2026-11-30T16:00:00.000Z');
    expect(periodStart('year', now, TZ)).toBe('2025-12-31T16:00:00.000Z');
    expect(periodStart('ever', now, TZ)).toBeNull();
  });

  it('counts a Sunday in the week that began the Monday before', () => {
    const sunday = Date.parse('2026-12-06T12:00:00.000Z');
    expect(periodStart('week', sunday, TZ)).toBe('2026-11-29T16:00:00.000Z');
  });

  it('follows an offset change in zones that have one', () => {
    expect(localMidnightUtc('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
    expect(localMidnightUtc('2026-01-01', 'Europe/Berlin')).toBe('2025-12-31T23:00:00.000Z');
  });

  it('turns inclusive local days into a UTC range', () => {
    expect(localDaysRange('2026-12-01', '2026-12-01', TZ)).toEqual({
      start: '2026-11-30T16:00:00.000Z',
      end: '2026-12-01T16:00:00.000Z',
    });
  });

  it('knows real dates', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
  });
});
