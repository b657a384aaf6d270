import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRows } from './rows.js';

const ROWS = 200_000;
/**
 * The bound: the heap kept alive (measured after a collection, every 20,000 rows) may grow by at
 * most 16 MiB over what it was before reading. The file is 31.7 MB of UTF-8. Measured on the
 * development machine: the growth kept is under 1 MiB, also at 1,000,000 rows, while a reader
 * that kept every row would keep about 150 MiB. Collecting first makes the figure the same
 * whatever else the worker process ran before (vitest starts it with --expose-gc).
 */
const HEAP_GROWTH_BOUND = 16 * 1024 * 1024;

/** The heap in use after a full collection: what is kept alive. */
function liveHeap(): number {
  if (!global.gc) throw new Error('run with node --expose-gc (vitest.config.ts sets it)');
  global.gc();
  return process.memoryUsage().heapUsed;
}

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
    const before = liveHeap();
    let peak = 0;
    let count = 0;
    let last = 0;
    for await (const row of readRows(bigCsv(ROWS), 'csv')) {
      count++;
      last = row.row;
      if (count % 20_000 === 0) peak = Math.max(peak, liveHeap() - before);
    }
    console.log(`live heap growth at most ${(peak / 1048576).toFixed(1)} MiB over ${count} rows`);
    expect(count).toBe(ROWS + 1);
    expect(last).toBe(ROWS + 1);
    expect(peak).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
