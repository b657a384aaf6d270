import { describe, expect, it } from 'vitest';
import { refreshDelay } from './qr-code.js';

describe('refreshDelay', () => {
  const now = Date.parse('2026-12-01T09:00:00Z');
  it('asks again a moment before the code expires', () => {
    expect(refreshDelay('2026-12-01T09:00:20Z', 30, now)).toBe(18_500);
  });
  it('never waits longer than the window when the device clock is behind', () => {
    expect(refreshDelay('2026-12-01T11:00:00Z', 30, now)).toBe(30_000);
  });
  it('never asks in a loop when the device clock is ahead', () => {
    expect(refreshDelay('2026-12-01T08:00:00Z', 30, now)).toBe(3000);
  });
});
