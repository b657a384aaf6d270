import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withTempDir } from './read.testkit.js';
import { type RejectedRow, defuse, writeReportCsv, writeReportXlsx } from './report.js';

const LABELS = { row: '行号', column: '列', reason: '原因' };
const ROWS: RejectedRow[] = [
  { row: 3, column: '证件号码', reason: '证件号码被存成了数字，末尾几位已丢失' },
  { row: 7, column: '', reason: '整行重复' },
  { row: 9, column: '备注', reason: '=cmd()' },
  { row: 10, column: '+SUM(A1)', reason: '"引号", 逗号\n换行' },
];

async function* slowly(rows: RejectedRow[]): AsyncGenerator<RejectedRow> {
  for (const r of rows) yield await Promise.resolve(r);
}

describe('defuse', () => {
  it.each([
    ['=cmd()', "'=cmd()"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['a=1', 'a=1'],
    ['证件号码无效', '证件号码无效'],
    ['', ''],
  ])('%j → %j', (text, out) => {
    expect(defuse(text)).toBe(out);
  });
});

describe('writeReportCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, defusing formulas', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'report.csv');
      await writeReportCsv(slowly(ROWS), LABELS, createWriteStream(file));
      const bytes = await readFile(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFF行号,列,原因\r\n3,证件号码,')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const back = parse(bytes, { bom: true }) as string[][];
      expect(back).toEqual([
        ['行号', '列', '原因'],
        ['3', '证件号码', '证件号码被存成了数字，末尾几位已丢失'],
        ['7', '', '整行重复'],
        ['9', '备注', "'=cmd()"],
        ['10', "'+SUM(A1)", '"引号", 逗号\n换行'],
      ]);
    });
  });

  it('writes just the header for no rows, from a plain array', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'empty.csv');
      await writeReportCsv([], LABELS, createWriteStream(file));
      expect((await readFile(file)).toString('utf8')).toBe('\uFEFF行号,列,原因\r\n');
    });
  });
});

describe('writeReportXlsx', () => {
  it('writes one sheet that exceljs reads back, with widths set and formulas defused', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'report.xlsx');
      await writeReportXlsx(slowly(ROWS), { ...LABELS, sheet: '错误' }, createWriteStream(file));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['错误']);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const values: unknown[][] = [];
      ws.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
      expect(values).toEqual([
        ['行号', '列', '原因'],
        [3, '证件号码', '证件号码被存成了数字，末尾几位已丢失'],
        [7, undefined, '整行重复'],
        [9, '备注', "'=cmd()"],
        [10, "'+SUM(A1)", '"引号", 逗号\n换行'],
      ]);
      expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.String);
      expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([10, 24, 80]);
    });
  });
});
