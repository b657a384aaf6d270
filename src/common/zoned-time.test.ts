import { describe, expect, it } from 'vitest';
import {
  addDays,
  isRealDate,
  localDate,
  localDaysRange,
  localMidnight,
  wallTime,
  wallTimeToIso,
  weekdayOf,
} from './zoned-time.js';

const TZ = 'Asia/Shanghai';

describe('days and wall times in a time zone', () => {
  it('gives the calendar day of an instant in the zone, whatever the process zone', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(localDate('2026-12-01T16:30:00.000Z', TZ)).toBe('2026-12-02');
    expect(localDate('2026-12-01T15:59:59.999Z', TZ)).toBe('2026-12-01');
    expect(localDate(Date.parse('2026-12-01T16:30:00.000Z'), 'UTC')).toBe('2026-12-01');
    expect(localDate(new Date('2026-12-31T23:59:00.000Z'), TZ)).toBe('2027-01-01');
  });

  it('turns wall times into instants and back', () => {
    expect(wallTimeToIso('2026-12-01T09:00', TZ)).toBe('2026-12-01T01:00:00.000Z');
    expect(wallTimeToIso('2026-12-01T00:30', TZ)).toBe('2026-11-30T16:30:00.000Z');
    expect(wallTime('2026-11-30T16:30:00.000Z', TZ)).toBe('2026-12-01T00:30');
    // 01:15 does not exist in London that night (01:00 GMT became 02:00 BST): it lands after the gap.
    expect(wallTime(wallTimeToIso('2027-03-28T01:15', 'Europe/London'), 'Europe/London')).toBe('2027-03-28T02:15');
    expect(() => wallTimeToIso('12/01 09:00', TZ)).toThrow(RangeError);
  });

  it('starts local days at local midnight, following an offset change in zones that have one', () => {
    expect(localMidnight('2026-12-02', TZ)).toBe('2026-12-01T16:00:00.000Z');
    expect(localMidnight('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
    expect(localMidnight('2026-01-01', 'Europe/Berlin')).toBe('2025-12-31T23:00:00.000Z');
    expect(localDaysRange('2026-12-01', '2026-12-01', TZ)).toEqual({
      start: '2026-11-30T16:00:00.000Z',
      end: '2026-12-01T16:00:00.000Z',
    });
  });

  it('counts days and weekdays on the calendar, Monday first', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-30')).toBe(0);
    expect(weekdayOf('2026-12-06')).toBe(6);
  });

  it('knows real dates', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-2-3')).toBe(false);
  });
});
