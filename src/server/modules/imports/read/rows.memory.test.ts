import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows } from './rows.js';

const ROWS = 200_000;
/**
 * The bound: heap in use may grow by at most 64 MiB over what it was before reading. The file
 * is 31.7 MB of UTF-8. Measured on the development machine: reading it grows the heap by about
 * 25 MiB at its peak (garbage not yet collected; after a forced GC the growth is nil, also at
 * 1,000,000 rows), while a reader that kept every row would grow it by about 150 MiB.
 */
const HEAP_GROWTH_BOUND = 64 * 1024 * 1024;

/** A volunteer CSV generated as it is read: the test never holds the file either. */
function bigCsv(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield '\uFEFF姓名,证件类型,证件号码,手机号,所属区域,技能,服务领域,备注\r\n';
      for (let start = 0; start < rows; start += 1000) {
        let chunk = '';
        for (let i = start; i < Math.min(rows, start + 1000); i++) {
          const n = String(i).padStart(7, '0');
          chunk += `志愿者${n},居民身份证,5001031990${n}1,1380${n},渝中区解放碑街道,"急救,驾驶",关爱老人、社区治理,第${i}行备注文字\r\n`;
        }
        yield Buffer.from(chunk, 'utf8');
      }
    })(),
  );
}

describe('readRows memory', () => {
  it(`reads ${ROWS.toLocaleString('en')} CSV rows with bounded heap`, async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last = 0;
    for await (const row of readRows(bigCsv(ROWS), 'csv')) {
      count++;
      last = row.row;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    console.log(`heap growth peak ${(peak / 1048576).toFixed(1)} MiB over ${count} rows`);
    expect(count).toBe(ROWS + 1);
    expect(last).toBe(ROWS + 1);
    expect(peak).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
