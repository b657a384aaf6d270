import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';
import { testNow } from '../../test/clock.js';

describe('newId', () => {
  it('is a version-7 UUID', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('strictly increases, also within one millisecond', () => {
    const now = testNow() + 60_000;
    const ids = Array.from({ length: 5000 }, () => newId(now));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });
  it('never goes back when the clock does', () => {
    const a = newId(testNow() + 120_000);
    const b = newId(testNow());
    expect(b > a).toBe(true);
  });
});
