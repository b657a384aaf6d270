import { describe, expect, it } from 'vitest';
import { RowsByHash } from './imports.first-rows.js';

describe('the first rows of an import by hash', () => {
  it('keeps the first row of each hash through many growths', () => {
    const t = new RowsByHash();
    // Hashes that share their low bits land in the same slots and must probe past each other.
    const hashOf = (i: number) => ((i * 0x10000) ^ (i >>> 16)) >>> 0;
    for (let i = 0; i < 50_000; i++) t.mark(hashOf(i), i + 2);
    for (let i = 0; i < 50_000; i++) t.mark(hashOf(i), 999_999);
    expect(t.size).toBe(50_000);
    for (const i of [0, 1, 1023, 1024, 31_337, 49_999]) expect(t.get(hashOf(i))).toBe(i + 2);
    expect(t.get(hashOf(50_000))).toBeUndefined();
  });

  it('takes any 32-bit hash, 0 and negative numbers included, and refuses row 0', () => {
    const t = new RowsByHash();
    t.mark(0, 5);
    t.mark(0xffffffff, 6);
    t.mark(-1, 7);
    expect(t.get(0)).toBe(5);
    expect(t.get(-1)).toBe(6);
    expect(t.get(0xffffffff)).toBe(6);
    expect(() => t.mark(1, 0)).toThrow(RangeError);
    expect(t.size).toBe(2);
  });
});
