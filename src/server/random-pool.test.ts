import { describe, expect, it } from 'vitest';
import { randomPoolBytes } from './random-pool.js';

describe('random bytes drawn from a pool', () => {
  it('hands out each byte once, across refills, as copies the caller owns', () => {
    const seen = new Set<string>();
    // 3,000 × 12 bytes: more than four pools' worth.
    for (let i = 0; i < 3000; i++) {
      const b = randomPoolBytes(12);
      expect(b.length).toBe(12);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(3000);
    const a = randomPoolBytes(16);
    const copy = Buffer.from(a);
    for (let i = 0; i < 1000; i++) randomPoolBytes(16);
    expect(a.equals(copy)).toBe(true);
    expect(() => randomPoolBytes(257)).toThrow(RangeError);
  });

  it('looks random: every byte value turns up, none far too often', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4096; i++) for (const byte of randomPoolBytes(16)) counts[byte]! += 1;
    // 65,536 bytes: 256 of each value expected; a CSPRNG stays well within 160..360.
    expect(Math.min(...counts)).toBeGreaterThan(160);
    expect(Math.max(...counts)).toBeLessThan(360);
  });
});
