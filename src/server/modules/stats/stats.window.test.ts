import { describe, expect, it } from 'vitest';
import { monthsOf, resolveWindow } from './stats.window.js';

const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-11-29T04:00:00Z');

describe('statistics window', () => {
  it('reads local days: from at its midnight, to counting in whole', () => {
    expect(resolveWindow({ from: '2026-03-01', to: '2026-03-31' }, NOW, TZ)).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
    });
  });

  it('takes instants with an offset as they are, to exclusive', () => {
    expect(resolveWindow({ from: '2026-03-01T08:00:00+08:00', to: '2026-03-02T00:00:00Z' }, NOW, TZ)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
    });
  });

  it('defaults to the local calendar year of now, of from, or of to', () => {
    expect(resolveWindow({}, NOW, TZ)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    // 1 January 2027 at 01:00 local is still 2026 in UTC: the local year counts.
    expect(resolveWindow({}, Date.parse('2026-12-31T17:00:00Z'), TZ).from).toBe('2026-12-31T16:00:00.000Z');
    expect(resolveWindow({ from: '2026-03-01' }, NOW, TZ).to).toBe('2026-12-31T16:00:00.000Z');
    expect(resolveWindow({ to: '2025-06-30' }, NOW, TZ).from).toBe('2024-12-31T16:00:00.000Z');
    // A `to` at a new year's midnight belongs to the year before it.
    expect(resolveWindow({ to: '2026-01-01T00:00:00+08:00' }, NOW, TZ).from).toBe('2024-12-31T16:00:00.000Z');
  });

  it('refuses a window that ends before it starts or spans more than five years, naming to', () => {
    const refusal = (q: { from?: string; to?: string }) => {
      try {
        resolveWindow(q, NOW, TZ);
        return null;
      } catch (e) {
        return e as { status: number; details: unknown };
      }
    };
    expect(refusal({ from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ status: 422, details: { field: 'to' } });
    expect(refusal({ from: '2020-01-01', to: '2025-01-01' })).toMatchObject({ status: 422, details: { field: 'to' } });
    expect(refusal({ from: '2021-01-01', to: '2025-12-31' })).toBeNull();
    expect(refusal({ from: '2026-05-01', to: '2026-04-30' })).toBeNull();
  });

  it('cuts the window at local month starts, the first and last month partial', () => {
    const { bounds, months } = monthsOf({ from: '2026-01-20T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z' }, TZ);
    expect(bounds).toEqual([
      '2026-01-20T00:00:00.000Z',
      '2026-01-31T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
      '2026-03-10T00:00:00.000Z',
    ]);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf({ from: '2026-12-31T16:00:00.000Z', to: '2027-01-31T16:00:00.000Z' }, TZ).months).toEqual([
      { month: '2027-01', from: '2026-12-31T16:00:00.000Z', to: '2027-01-31T16:00:00.000Z' },
    ]);
    expect(monthsOf({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, TZ).months).toEqual([]);
  });
});
