import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination.js';

describe('page cursors', () => {
  it('give back the position they were made from', () => {
    expect(decodeCursor(encodeCursor({ seq: 41 }), { seq: 'int' })).toEqual({ seq: 41 });
    expect(decodeCursor(encodeCursor({ seq: 2 ** 31 - 1 }), { seq: 'int' })).toEqual({ seq: 2 ** 31 - 1 });
  });

  it('refuse a count past what the database column holds, or below 0, as the caller’s mistake', () => {
    for (const seq of [2 ** 31, Number.MAX_SAFE_INTEGER, -1, 1.5]) {
      expect(() => decodeCursor(encodeCursor({ seq }), { seq: 'int' })).toThrow(/not a cursor this list gave out/);
    }
  });
});
