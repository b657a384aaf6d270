import { describe, expect, it } from 'vitest';
import { periodStart } from './periods.js';

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
});
