import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding } from './csv-encoding.js';
import { chunked, collect, rejection, texts, withTempDir } from './read.testkit.js';
import { readRows } from './rows.js';

/** A title line, a header, a quoted comma, a quoted line break, a blank line, a full-width ID. */
const ROSTER = [
  '渝中区志愿者名册,,,',
  '姓名*,证件号码,服务领域,备注',
  '张三,110101199003071234,"助老，助残,环保",',
  '李四,１１０１０１１９９００３０７１２３４,关爱儿童,"第一行',
  '第二行"',
  '',
  '王五,11010119900307123X,"说""好""的",   ',
  '',
].join('\r\n');

const EXPECTED: [number, string[]][] = [
  [1, ['渝中区志愿者名册']],
  [2, ['姓名*', '证件号码', '服务领域', '备注']],
  [3, ['张三', '110101199003071234', '助老，助残,环保']],
  [4, ['李四', '１１０１０１１９９００３０７１２３４', '关爱儿童', '第一行\r\n第二行']],
  [6, ['王五', '11010119900307123X', '说"好"的']],
];

describe('readRows(csv)', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER, 'utf8')])],
    ['UTF-8 without a BOM', Buffer.from(ROSTER, 'utf8')],
    ['GB18030', iconv.encode(ROSTER, 'gb18030')],
  ])('reads %s from a file, counting records as rows', async (_name, bytes) => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'roster.csv');
      await writeFile(file, bytes);
      const rows = await collect(readRows(createReadStream(file), 'csv'));
      expect(texts(rows)).toEqual(EXPECTED);
      expect(rows.flatMap((r) => r.cells).every((c) => c.number === undefined && c.date === undefined)).toBe(true);
    });
  });

  it.each([
    ['UTF-8', 'utf8'],
    ['GB18030', 'gb18030'],
  ] as const)('reads %s delivered in 7-byte chunks, characters cut at every boundary', async (_name, encoding) => {
    const rows = await collect(readRows(chunked(iconv.encode(ROSTER, encoding), 7), 'csv'));
    expect(texts(rows)).toEqual(EXPECTED);
  });

  it('sees UTF-8 when the first 64 KiB end in the middle of a character', async () => {
    const line = '重庆市渝中区解放碑街道,志愿者\n';
    const bytes = Buffer.from(line.repeat(4000), 'utf8');
    expect(detectEncoding(bytes.subarray(0, 65536), false)).toBe('utf8');
    expect(detectEncoding(bytes.subarray(0, 65536), true)).toBe('gb18030');
    const rows = await collect(readRows(chunked(bytes, 1000), 'csv'));
    expect(rows).toHaveLength(4000);
    expect(rows.every((r) => r.cells[0]?.text === '重庆市渝中区解放碑街道')).toBe(true);
  });

  it.each([
    ['a,b;c', ','],
    ['姓名;证件号码;"a;b,c,d,e"', ';'],
    ['姓名\t证件号码\t手机号,备注', '\t'],
    ['"a,b,c";d\nx,y,z,w,v', ';'],
    ['姓名', ','],
  ] as const)('picks the delimiter of %j as %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads a semicolon file and a tab file into the same cells', async () => {
    for (const d of [';', '\t']) {
      const text = `姓名${d}证件号码${d}备注\n张三${d}110101199003071234${d}"a,b"\n`;
      const rows = await collect(readRows(Readable.from([Buffer.from(text)]), 'csv'));
      expect(texts(rows)).toEqual([
        [1, ['姓名', '证件号码', '备注']],
        [2, ['张三', '110101199003071234', 'a,b']],
      ]);
    }
  });

  it.each([
    ['no bytes', '', 'empty'],
    ['only blank lines and commas', '\r\n,,\r\n  ,\u3000\r\n', 'empty'],
    ['an unclosed quote', '姓名,备注\n张三,"没有结束\n李四,x\n', 'unreadable'],
    ['a row of 201 columns', `${'x,'.repeat(200)}x\n`, 'too_many_columns'],
  ])('refuses %s', async (_name, text, reason) => {
    const e = await rejection(collect(readRows(Readable.from([Buffer.from(text)]), 'csv')));
    expect(e).toMatchObject({ name: 'ImportFileError', reason });
    expect((e as Error).message).not.toContain('张三');
  });

  it('accepts trailing empty columns beyond the limit', async () => {
    const rows = await collect(readRows(Readable.from([Buffer.from(`a,b${','.repeat(300)}\n`)]), 'csv'));
    expect(texts(rows)).toEqual([[1, ['a', 'b']]]);
  });
});
