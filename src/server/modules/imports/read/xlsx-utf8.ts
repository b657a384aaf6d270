/**
 * Works around an open exceljs 4.4.0 bug: its streaming reader decodes every decompressed
 * chunk of a sheet's XML on its own, so a Chinese character cut by a chunk boundary comes out
 * as "��" (exceljs issues #2063, #2084, #2316; fixes proposed in PRs #1665 and #1821, not
 * merged). Chunk boundaries depend on how the upload arrives, so the same file can read right
 * once and wrong the next time.
 *
 * The fix hands exceljs text instead of bytes, decoded by one StringDecoder per XML part,
 * which carries a cut character over to the next chunk. exceljs already accepts string
 * chunks (its bufferToString passes them through). It patches four internal methods of one
 * reader instance; rows.xlsx.test.ts reads a file in 1,000-byte chunks to catch a change.
 */
import { StringDecoder } from 'node:string_decoder';

type Entry = { setEncoding(encoding: BufferEncoding): unknown };
type EntryParser = (this: unknown, entry: Entry) => unknown;
type SheetParser = (this: unknown, iterator: AsyncIterable<unknown>, sheetNo: string) => unknown;

interface ReaderMethods {
  _parseSharedStrings?: EntryParser;
  _parseStyles?: EntryParser;
  _parseWorkbook?: EntryParser;
  _parseWorksheet?: SheetParser;
}

const ENTRY_PARSERS = ['_parseSharedStrings', '_parseStyles', '_parseWorkbook'] as const;

/** The chunks of one XML part as text, never splitting a character. */
async function* utf8Text(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/**
 * Makes `reader` (an exceljs stream.xlsx.WorkbookReader) decode its XML parts whole-character.
 * Throws if exceljs no longer has the methods patched here, rather than silently reading
 * garbled text after an upgrade.
 */
export function decodeWholeCharacters(reader: object): void {
  const methods = reader as ReaderMethods;
  for (const name of ENTRY_PARSERS) {
    const original = methods[name];
    if (typeof original !== 'function') throw new Error(`exceljs reader has no ${name}: re-check xlsx-utf8.ts`);
    methods[name] = function (this: unknown, entry: Entry) {
      // A readable stream with an encoding set decodes through a StringDecoder of its own.
      entry.setEncoding('utf8');
      return original.call(this, entry);
    };
  }
  const parseSheet = methods._parseWorksheet;
  if (typeof parseSheet !== 'function') throw new Error('exceljs reader has no _parseWorksheet: re-check xlsx-utf8.ts');
  methods._parseWorksheet = function (this: unknown, iterator: AsyncIterable<unknown>, sheetNo: string) {
    return parseSheet.call(this, utf8Text(iterator), sheetNo);
  };
}
