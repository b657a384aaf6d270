import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SharedStrings } from './shared-strings.repository.js';

describe('an .xlsx file’s shared strings', () => {
  it('keeps a small table in memory', () => {
    const s = new SharedStrings(10);
    for (const t of ['姓名', '证件号码', '']) s.add(t);
    expect([s.get(0), s.get(1), s.get(2), s.get(3)]).toEqual(['姓名', '证件号码', '', undefined]);
    expect(s.file).toBeNull();
    s.close();
  });

  it('moves a large table to a scratch file, answers every index from it, and removes it when closed', () => {
    const s = new SharedStrings(1000);
    for (let i = 0; i < 25_000; i++) s.add(`张${i}`);
    const file = s.file;
    expect(file).not.toBeNull();
    expect(existsSync(file as string)).toBe(true);
    expect(s.size).toBe(25_000);
    // Before and after the move, the first, the last written (still waiting to be flushed) and past the end.
    expect([s.get(0), s.get(999), s.get(1000), s.get(24_999), s.get(25_000)]).toEqual([
      '张0',
      '张999',
      '张1000',
      '张24999',
      undefined,
    ]);
    s.add('最后');
    expect(s.get(25_000)).toBe('最后');
    s.close();
    expect(existsSync(file as string)).toBe(false);
  });
});
