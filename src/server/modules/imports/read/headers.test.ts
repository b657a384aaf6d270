import { describe, expect, it } from 'vitest';
import { COLUMN_SPECS, IMPORT_KINDS, templateHeaders } from './columns.js';
import { findHeader, normaliseHeader, splitHeader } from './headers.js';
import { collect } from './read.testkit.js';
import type { SheetRow } from './sheet-row.js';

const row = (n: number, ...texts: string[]): SheetRow => ({ row: n, cells: texts.map((text) => ({ text })) });

async function* stream(rows: SheetRow[]): AsyncGenerator<SheetRow> {
  yield* rows;
}

describe('normaliseHeader', () => {
  it.each([
    ['姓名*', '姓名'],
    ['＊姓名', '姓名'],
    [' 证件 号码（必填） ', '证件号码'],
    ['证件号码\u3000(选填)*', '证件号码'],
    ['注册时间(YYYY-MM-DD)', '注册时间'],
    ['ID Number', 'idnumber'],
    ['ＩＤ　ＮＵＭＢＥＲ', 'idnumber'],
    ['时长（小时）', '时长(小时)'],
    ['*时长(小时)(必填)', '时长(小时)'],
    ['时长(分钟)', '时长(分钟)'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('findHeader', () => {
  const volunteers = COLUMN_SPECS.volunteers;

  it('skips a title row and maps the header, reporting unknown and duplicate columns', () => {
    const head = [
      row(1, '渝中区志愿者名册'),
      row(3, '序号', '姓名*', '证件类型', '身份证号码（必填）', '联系电话', '所属区域', '技能', '电话'),
      row(4, '1', '张三'),
    ];
    const h = findHeader(head, volunteers);
    expect(h.headerRow).toBe(3);
    expect([...h.columns]).toEqual([
      [1, 'name'],
      [2, 'idType'],
      [3, 'idNumber'],
      [4, 'phone'],
      [5, 'region'],
      [6, 'skills'],
    ]);
    expect(h.missing).toEqual([]);
    expect(h.unknown).toEqual(['序号']);
    expect(h.duplicates).toEqual(['电话']);
  });

  it('takes a row mapping half of the required columns and lists the rest as missing', () => {
    const h = findHeader([row(1, 'Name', 'ID Type', 'ID number', 'Remarks')], volunteers);
    expect(h.headerRow).toBe(1);
    expect(h.missing).toEqual(['phone', 'region']);
    expect(h.unknown).toEqual(['Remarks']);
  });

  it('passes over a row mapping fewer than half, and gives up after five rows', () => {
    const few = row(1, '姓名', '手机号');
    expect(findHeader([few], volunteers)).toMatchObject({ headerRow: 0, columns: new Map() });
    const late = [1, 2, 3, 4, 5].map((n) => row(n, `说明${n}`)).concat(row(6, ...templateHeaders('volunteers')));
    const h = findHeader(late, volunteers);
    expect(h.headerRow).toBe(0);
    expect(h.missing).toEqual(['name', 'idType', 'idNumber', 'phone', 'region']);
  });

  it('needs one of volunteer code and ID number in a records file', () => {
    const records = COLUMN_SPECS.records;
    const base = ['活动名称', '服务日期', '时长（小时）', '组织名称'];
    expect(findHeader([row(1, '志愿者编号', ...base)], records).missing).toEqual([]);
    expect(findHeader([row(1, '证件号码', ...base)], records).missing).toEqual([]);
    const none = findHeader([row(1, ...base)], records);
    expect(none.headerRow).toBe(1);
    expect(none.missing).toEqual(['volunteerCode|idNumber']);
  });

  it('does not read minutes as hours', () => {
    const h = findHeader(
      [row(1, '志愿者编号', '活动名称', '服务日期', '时长(分钟)', '组织名称')],
      COLUMN_SPECS.records,
    );
    expect(h.missing).toEqual(['hours']);
    expect(h.unknown).toEqual(['时长(分钟)']);
  });

  it.each(IMPORT_KINDS)('maps every column of the %s template', (kind) => {
    const h = findHeader([row(1, ...templateHeaders(kind))], COLUMN_SPECS[kind]);
    expect(h.missing).toEqual([]);
    expect(h.unknown).toEqual([]);
    expect([...h.columns.values()]).toEqual(COLUMN_SPECS[kind].map((c) => c.key));
  });
});

describe('templateHeaders', () => {
  it('marks required columns with *', () => {
    expect(templateHeaders('volunteers')).toEqual([
      '姓名*',
      '证件类型*',
      '证件号码*',
      '手机号*',
      '所属区域*',
      '技能',
      '服务领域',
      '注册时间',
    ]);
    expect(templateHeaders('records').slice(0, 2)).toEqual(['志愿者编号', '证件号码']);
  });
});

describe('splitHeader', () => {
  it('returns the rows below the header, the ones read while looking included', async () => {
    const rows = [row(1, '名册'), row(2, ...templateHeaders('sites'))];
    for (let n = 3; n <= 12; n++) rows.push(row(n, `阵地${n}`));
    const { header, rows: data } = await splitHeader(stream(rows), COLUMN_SPECS.sites);
    expect(header.headerRow).toBe(2);
    expect((await collect(data)).map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
