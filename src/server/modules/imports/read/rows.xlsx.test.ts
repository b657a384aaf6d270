import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMN_SPECS } from './columns.js';
import { findHeader } from './headers.js';
import { chunked, collect, rejection, texts, withTempDir } from './read.testkit.js';
import { ImportFileError, readRows } from './rows.js';

/** A volunteer roster as a district office would send it: a merged title, a typed date, an ID typed as a number. */
async function rosterWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['渝中区志愿者名册']);
  ws.mergeCells('A1:F1');
  ws.addRow(['姓名*', '证件类型', '证件号码（必填）', '手机号', '所属区域', '注册时间', '备注']);
  const r3 = ws.addRow([
    '张三',
    '居民身份证',
    123456789012345680,
    '１３８００１３８０００',
    { formula: 'LEFT("渝中区",3)', result: '渝中区' },
    new Date(Date.UTC(2024, 2, 6)),
    { formula: '1+1', result: 2 },
  ]);
  r3.getCell(6).numFmt = 'yyyy-mm-dd';
  ws.addRow([]);
  const r5 = ws.addRow([
    { richText: [{ text: '李' }, { font: { bold: true }, text: '四' }] },
    true,
    { text: '官网', hyperlink: 'https://example.org' },
    0.1 + 0.2,
    { formula: 'F3+1', result: 45358 },
    new Date(Date.UTC(2024, 2, 6, 14, 30)),
  ]);
  r5.getCell(5).numFmt = 'yyyy/m/d';
  r5.getCell(6).numFmt = 'yyyy-mm-dd hh:mm';
  wb.addWorksheet('说明').addRow(['这一页不应被读取']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readRows(xlsx)', () => {
  it('reads the first sheet with true row numbers, typed cells and no blank rows', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'roster.xlsx');
      await writeFile(file, await rosterWorkbook());
      const rows = await collect(readRows(createReadStream(file), 'xlsx'));

      expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 5]);
      expect(rows[0]?.cells).toEqual([{ text: '渝中区志愿者名册' }]);
      expect(rows[2]?.cells).toEqual([
        { text: '张三' },
        { text: '居民身份证' },
        { text: '123456789012345680', number: 123456789012345680 },
        { text: '１３８００１３８０００' },
        { text: '渝中区' },
        { text: '2024-03-06', date: '2024-03-06' },
        { text: '2', number: 2 },
      ]);
      expect(rows[3]?.cells).toEqual([
        { text: '李四' },
        { text: 'TRUE' },
        { text: '官网' },
        { text: '0.3', number: 0.1 + 0.2 },
        { text: '2024-03-07', date: '2024-03-07' },
        { text: '2024-03-06 14:30', date: '2024-03-06' },
      ]);
      expect(texts(rows).flatMap(([, t]) => t)).not.toContain('这一页不应被读取');
    });
  });

  it('finds the header under a merged title row', async () => {
    const rows = await collect(readRows(chunked(await rosterWorkbook(), 1000), 'xlsx'));
    const header = findHeader(rows, COLUMN_SPECS.volunteers);
    expect(header.headerRow).toBe(2);
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual(['备注']);
    expect(header.columns.get(2)).toBe('idNumber');
  });

  it('stops early without reading the rest and releases the input', async () => {
    const input = chunked(await rosterWorkbook(), 1000);
    for await (const row of readRows(input, 'xlsx')) {
      expect(row.row).toBe(1);
      break;
    }
    expect(input.destroyed).toBe(true);
  });

  it('refuses a sheet wider than MAX_COLUMNS', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell(1, 201).value = 'far away';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await rejection(collect(readRows(Readable.from([buf]), 'xlsx')));
    expect(e).toMatchObject({ reason: 'too_many_columns' });
  });

  it('refuses a workbook with no rows as empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await rejection(collect(readRows(Readable.from([buf]), 'xlsx')));
    expect(e).toMatchObject({ reason: 'empty' });
  });

  const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
  it.each([
    ['random bytes', garbage],
    ['a CSV renamed .xlsx', Buffer.from('姓名,证件号码\n张三,110101199003071234\n')],
    ['an empty file', Buffer.alloc(0)],
    ['a PK header and nothing else', Buffer.from('PK\u0003\u0004garbage')],
  ])('refuses %s as unreadable, without quoting it', async (_name, bytes) => {
    const e = await rejection(collect(readRows(Readable.from([bytes]), 'xlsx')));
    expect(e).toBeInstanceOf(ImportFileError);
    expect(e).toMatchObject({ reason: 'unreadable' });
    expect((e as Error).message).not.toMatch(/张三|1101/);
  });

  it('refuses a truncated workbook as unreadable', async () => {
    const whole = await rosterWorkbook();
    const e = await rejection(collect(readRows(Readable.from([whole.subarray(0, whole.length >> 1)]), 'xlsx')));
    expect(e).toMatchObject({ reason: 'unreadable' });
  });
});

describe('readRows(xlsx) and multi-byte text', () => {
  it('keeps every Chinese character whole wherever the chunks of the upload and of the zip fall', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    const expected: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const name = `渝中区解放碑街道志愿者${i}号`;
      expected.push(name);
      ws.addRow([name, `重庆市${i}`]);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    for (const size of [1000, 4093, 65536]) {
      const rows = await collect(readRows(chunked(buf, size), 'xlsx'));
      expect(rows.map((r) => r.cells[0]?.text)).toEqual(expected);
      expect(rows.some((r) => r.cells.some((c) => c.text.includes('\uFFFD')))).toBe(false);
    }
  });
});
