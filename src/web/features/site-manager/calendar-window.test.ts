import { describe, expect, it } from 'vitest';
import { dayKey, shiftAnchor, windowOf } from './calendar-window.js';

describe('windowOf', () => {
  it('runs a week from Monday to the next Monday', () => {
    // Sunday 6 December 2026
    const w = windowOf('week', new Date(2026, 11, 6, 15, 30));
    expect(w.from).toEqual(new Date(2026, 10, 30));
    expect(w.to).toEqual(new Date(2026, 11, 7));
    expect(w.days.map(dayKey)).toEqual([
      '2026-11-30',
      '2026-12-1',
      '2026-12-2',
      '2026-12-3',
      '2026-12-4',
      '2026-12-5',
      '2026-12-6',
    ]);
    expect(windowOf('week', new Date(2026, 10, 30)).from).toEqual(new Date(2026, 10, 30));
  });

  it('runs a month from its first day to the next first day', () => {
    const w = windowOf('month', new Date(2027, 1, 14));
    expect(w.from).toEqual(new Date(2027, 1, 1));
    expect(w.to).toEqual(new Date(2027, 2, 1));
    expect(w.days).toHaveLength(28);
  });

  it('steps a window back and forth, across a year', () => {
    expect(shiftAnchor('month', new Date(2026, 11, 20), 1)).toEqual(new Date(2027, 0, 1));
    expect(shiftAnchor('week', new Date(2026, 11, 30), 1)).toEqual(new Date(2027, 0, 6));
    expect(shiftAnchor('week', new Date(2027, 0, 6), -1)).toEqual(new Date(2026, 11, 30));
  });
});
