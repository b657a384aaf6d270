import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './format.js';

describe('datetime-local values', () => {
  it('turn into an ISO time with the offset of this device, naming the same instant', () => {
    const iso = localInputToIso('2026-12-01T09:30');
    expect(iso).toMatch(/^2026-12-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe(new Date('2026-12-01T09:30').getTime());
  });

  it('come back from an instant unchanged', () => {
    expect(isoToLocalInput(localInputToIso('2027-01-31T23:05'))).toBe('2027-01-31T23:05');
  });
});
