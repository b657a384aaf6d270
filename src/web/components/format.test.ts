import { describe, expect, it } from 'vitest';
import { makeFormat } from './format.js';

// The suite runs in whatever zone the machine has (UTC in CI): none of these may depend on it.
describe('formats in the platform zone, not the device zone', () => {
  const zh = makeFormat('zh-CN', 'Asia/Shanghai');

  it('shows times on the platform clock', () => {
    expect(zh.time('2026-12-01T01:00:00.000Z')).toBe('09:00');
    expect(makeFormat('en-GB', 'Europe/London').time('2026-12-01T01:00:00.000Z')).toBe('01:00');
    expect(zh.date('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日');
  });

  it('counts a span that crosses UTC midnight but not local midnight as one day', () => {
    expect(zh.span('2026-12-01T23:00:00.000Z', '2026-12-02T01:00:00.000Z')).toMatch(/^12月2日.*07:00–09:00$/);
    expect(zh.span('2026-12-01T15:00:00.000Z', '2026-12-01T17:00:00.000Z')).toContain(' – ');
  });

  it('reads and writes datetime-local values on the platform clock', () => {
    expect(zh.fromInput('2026-12-01T09:30')).toBe('2026-12-01T01:30:00.000Z');
    expect(zh.toInput('2026-12-01T16:05:00.000Z')).toBe('2026-12-02T00:05');
    expect(zh.toInput(zh.fromInput('2027-01-31T23:05'))).toBe('2027-01-31T23:05');
  });

  it('names the platform day of an instant', () => {
    expect(zh.dayOf('2026-12-06T23:59:00.000Z')).toBe('2026-12-07');
    expect(makeFormat('zh-CN', 'UTC').dayOf('2026-12-06T23:59:00.000Z')).toBe('2026-12-06');
  });
});
