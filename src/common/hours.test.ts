import { describe, expect, it } from 'vitest';
import {
  checkinOpen,
  clipToShift,
  computeMinutes,
  judgePosition,
  spanMinutes,
  ACCURACY_ALLOWANCE_CAP_M,
} from './hours.js';

const shift = { shiftStart: '2026-12-01T01:00:00.000Z', shiftEnd: '2026-12-01T05:00:00.000Z' };
const base = { ...shift, breakMinutes: 0, stepMinutes: 30 };

describe('computeMinutes', () => {
  it('counts the whole shift when the volunteer was there throughout', () => {
    expect(
      computeMinutes({ ...base, checkedInAt: '2026-12-01T01:00:00.000Z', checkedOutAt: '2026-12-01T05:00:00.000Z' }),
    ).toBe(240);
  });

  it('clips an early check-in and a late check-out to the shift', () => {
    expect(
      computeMinutes({ ...base, checkedInAt: '2026-12-01T00:35:00.000Z', checkedOutAt: '2026-12-01T07:10:00.000Z' }),
    ).toBe(240);
  });

  it('rounds down to the step', () => {
    // 1:10 → 3:09:59 is 119 whole minutes → 90 at a 30-minute step, 115 at 5, 119 at 1
    const t = { checkedInAt: '2026-12-01T01:10:00.000Z', checkedOutAt: '2026-12-01T03:09:59.999Z' };
    expect(computeMinutes({ ...base, ...t })).toBe(90);
    expect(computeMinutes({ ...base, ...t, stepMinutes: 5 })).toBe(115);
    expect(computeMinutes({ ...base, ...t, stepMinutes: 1 })).toBe(119);
    expect(computeMinutes({ ...base, ...t, stepMinutes: 60 })).toBe(60);
  });

  it('takes the break off before rounding', () => {
    const t = { checkedInAt: '2026-12-01T01:00:00.000Z', checkedOutAt: '2026-12-01T05:00:00.000Z' };
    expect(computeMinutes({ ...base, ...t, breakMinutes: 45 })).toBe(180); // 195 → 180
    expect(computeMinutes({ ...base, ...t, breakMinutes: 30 })).toBe(210);
  });

  it('is never negative', () => {
    // served 20 minutes of a shift with a 60-minute break
    expect(
      computeMinutes({
        ...base,
        breakMinutes: 60,
        checkedInAt: '2026-12-01T01:00:00.000Z',
        checkedOutAt: '2026-12-01T01:20:00.000Z',
      }),
    ).toBe(0);
    // check-out before check-in, or both outside the shift
    expect(
      computeMinutes({ ...base, checkedInAt: '2026-12-01T03:00:00.000Z', checkedOutAt: '2026-12-01T02:00:00.000Z' }),
    ).toBe(0);
    expect(
      computeMinutes({ ...base, checkedInAt: '2026-12-01T06:00:00.000Z', checkedOutAt: '2026-12-01T07:00:00.000Z' }),
    ).toBe(0);
    expect(
      computeMinutes({ ...base, checkedInAt: '2026-12-01T00:00:00.000Z', checkedOutAt: '2026-12-01T00:50:00.000Z' }),
    ).toBe(0);
  });

  it('treats a step below one minute as one minute and ignores bad times', () => {
    const t = { checkedInAt: '2026-12-01T01:00:00.000Z', checkedOutAt: '2026-12-01T01:07:30.000Z' };
    expect(computeMinutes({ ...base, ...t, stepMinutes: 0 })).toBe(7);
    expect(computeMinutes({ ...base, ...t, checkedInAt: 'not a time' })).toBe(0);
  });

  it('accepts epoch milliseconds as well as ISO strings', () => {
    expect(
      computeMinutes({
        ...base,
        checkedInAt: Date.parse('2026-12-01T02:00:00.000Z'),
        checkedOutAt: Date.parse('2026-12-01T03:00:00.000Z'),
      }),
    ).toBe(60);
  });

  it('spanMinutes rounds a whole span down to the step', () => {
    expect(spanMinutes('2026-12-01T01:00:00.000Z', '2026-12-01T03:50:00.000Z', 30)).toBe(150);
    expect(spanMinutes('2026-12-01T03:00:00.000Z', '2026-12-01T01:00:00.000Z', 30)).toBe(0);
  });
});

describe('clipToShift and checkinOpen', () => {
  it('moves times outside the shift to its edges', () => {
    expect(clipToShift('2026-12-01T00:00:00.000Z', shift.shiftStart, shift.shiftEnd)).toBe(shift.shiftStart);
    expect(clipToShift('2026-12-01T09:00:00.000Z', shift.shiftStart, shift.shiftEnd)).toBe(shift.shiftEnd);
    expect(clipToShift('2026-12-01T02:00:00.000Z', shift.shiftStart, shift.shiftEnd)).toBe('2026-12-01T02:00:00.000Z');
  });

  it('opens check-in 30 minutes before the start and closes it at the end', () => {
    const at = (iso: string) => checkinOpen(Date.parse(iso), shift.shiftStart, shift.shiftEnd);
    expect(at('2026-12-01T00:29:59.000Z')).toBe('early');
    expect(at('2026-12-01T00:30:00.000Z')).toBe('open');
    expect(at('2026-12-01T05:00:00.000Z')).toBe('open');
    expect(at('2026-12-01T05:00:00.001Z')).toBe('ended');
  });
});

describe('judgePosition', () => {
  it('allows the radius plus the reported accuracy', () => {
    expect(judgePosition(150, 100, 50)).toEqual({ inside: true, allowedM: 150, largeAccuracy: false });
    expect(judgePosition(151, 100, 50).inside).toBe(false);
  });

  it('caps the accuracy allowance and flags a coarse fix', () => {
    const v = judgePosition(1000, 100, 5000);
    expect(v.allowedM).toBe(100 + ACCURACY_ALLOWANCE_CAP_M);
    expect(v.inside).toBe(false);
    expect(v.largeAccuracy).toBe(true);
    expect(judgePosition(250, 100, 180)).toEqual({ inside: true, allowedM: 280, largeAccuracy: true });
  });

  it('ignores a negative accuracy', () => {
    expect(judgePosition(100, 100, -50)).toEqual({ inside: true, allowedM: 100, largeAccuracy: false });
  });
});
