import { describe, expect, it } from 'vitest';
import { shiftAnchor, windowOf } from './calendar-window.js';

const TZ = 'Asia/Shanghai';

describe('windowOf', () => {
  it('runs a week from Monday to the next Monday, between the platform midnights', () => {
    // Sunday 6 December 2026
    const w = windowOf('week', '2026-12-06', TZ);
    expect(w.from).toBe('2026-11-29T16:00:00.000Z');
    expect(w.to).toBe('2026-12-06T16:00:00.000Z');
    expect(w.days).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(windowOf('week', '2026-11-30', TZ).days[0]).toBe('2026-11-30');
    expect(windowOf('week', '2026-12-06', 'UTC').from).toBe('2026-11-30T00:00:00.000Z');
  });

  it('runs a month from its first day to the next first day', () => {
    const w = windowOf('month', '2027-02-14', TZ);
    expect(w.from).toBe('2027-01-31T16:00:00.000Z');
    expect(w.to).toBe('2027-02-28T16:00:00.000Z');
    expect(w.days).toHaveLength(28);
    expect(windowOf('month', '2028-02-29', TZ).days).toHaveLength(29);
  });

  it('steps a window back and forth, across a year', () => {
    expect(shiftAnchor('month', '2026-12-20', 1)).toBe('2027-01-01');
    expect(shiftAnchor('month', '2027-01-31', -1)).toBe('2026-12-01');
    expect(shiftAnchor('week', '2026-12-30', 1)).toBe('2027-01-06');
    expect(shiftAnchor('week', '2027-01-06', -1)).toBe('2026-12-30');
  });
});
