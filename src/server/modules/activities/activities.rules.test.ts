import { describe, expect, it } from 'vitest';
import { displayStatus } from '../../../common/activity-status.js';
import { expandShifts } from './activities.rules.js';

const shift = (start: string, end: string, over: Record<string, unknown> = {}) => ({
  start,
  end,
  capacity: 5,
  requiredQualifications: [],
  requiredSkills: [],
  breakMinutes: 0,
  ...over,
});

describe('expandShifts', () => {
  it('keeps the given shifts, sorted, without recurrence', () => {
    const out = expandShifts(
      [shift('2026-12-02T01:00:00Z', '2026-12-02T03:00:00Z'), shift('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z')],
      undefined,
    );
    expect(out.map((s) => s.start)).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z']);
  });

  it('copies every shift weekly, deadlines included, up to count or until', () => {
    const base = [
      shift('2026-12-01T01:00:00+08:00', '2026-12-01T03:00:00+08:00', { signupDeadline: '2026-11-30T12:00:00Z' }),
    ];
    const byCount = expandShifts(base, { freq: 'weekly', count: 3 });
    expect(byCount.map((s) => [s.start, s.deadline])).toEqual([
      ['2026-11-30T17:00:00.000Z', '2026-11-30T12:00:00.000Z'],
      ['2026-12-07T17:00:00.000Z', '2026-12-07T12:00:00.000Z'],
      ['2026-12-14T17:00:00.000Z', '2026-12-14T12:00:00.000Z'],
    ]);
    const byUntil = expandShifts(base, { freq: 'weekly', until: '2026-12-14T17:00:00Z' });
    expect(byUntil).toHaveLength(3);
  });

  it('refuses more than a year of weeks or too many shifts in all', () => {
    const base = [shift('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z')];
    expect(() => expandShifts(base, { freq: 'weekly', until: '2028-01-01T00:00:00Z' })).toThrow(/recurrence.until/);
    const many = Array.from({ length: 11 }, (_, i) =>
      shift(
        `2026-12-01T${String(i + 10).padStart(2, '0')}:00:00Z`,
        `2026-12-01T${String(i + 10).padStart(2, '0')}:30:00Z`,
      ),
    );
    expect(() => expandShifts(many, { freq: 'weekly', count: 52 })).toThrow(/shifts/);
  });
});

describe('displayStatus', () => {
  const a = {
    status: 'published',
    first_start_at: '2026-12-01T01:00:00.000Z',
    last_end_at: '2026-12-08T03:00:00.000Z',
  };
  it('derives running and finished from the clock for published activities only', () => {
    expect(displayStatus(a, '2026-11-30T00:00:00.000Z')).toBe('published');
    expect(displayStatus(a, '2026-12-03T00:00:00.000Z')).toBe('running');
    expect(displayStatus(a, '2026-12-09T00:00:00.000Z')).toBe('finished');
    expect(displayStatus({ ...a, status: 'cancelled' }, '2026-12-03T00:00:00.000Z')).toBe('cancelled');
    expect(displayStatus({ ...a, status: 'draft' }, '2026-12-09T00:00:00.000Z')).toBe('draft');
  });
});
