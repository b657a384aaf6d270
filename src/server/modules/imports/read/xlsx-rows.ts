/**
 * Reads the first worksheet of an .xlsx file row by row with exceljs's streaming reader, so
 * a sheet of a million rows never sits in memory as a whole.
 *
 * What stays in memory: the style table, and at most 100,000 shared strings. Excel stores each
 * distinct text once in the shared-string table, so it grows with the distinct texts (a million
 * people's names, IDs and phones are three million, beyond the import thread's heap): the table
 * exceljs caches is a `SharedStrings`, which moves a large one to a scratch file. When a file
 * lists its worksheets before that table, as Excel does, exceljs copies each worksheet to a
 * temporary file and reads it back afterwards: disk, not memory. Those files are removed when a
 * sheet has been read, or at process exit if reading stopped early.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SharedStrings } from './shared-strings.repository.js';
import { readHead, replay } from './stream-head.js';
import { decodeWholeCharacters } from './xlsx-utf8.js';
import {
  type Cell,
  ImportFileError,
  MAX_COLUMNS,
  type SheetRow,
  isBlankRow,
  numberText,
  trimTrailingBlanks,
} from './sheet-row.js';

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  // Needed to know a number is a date: the date-ness lives in the cell's number format.
  styles: 'cache',
  entries: 'emit',
} as const;

/** The parts of exceljs's reader its type declarations leave out. */
interface ReaderInternals {
  model?: { sheets?: { name?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

type SharedText = string | { richText: { text?: string }[] } | null | undefined;

/** A shared string's text: plain, or the runs of rich text joined. */
const sharedText = (t: SharedText): string =>
  t === null || t === undefined ? '' : typeof t === 'string' ? t : t.richText.map((r) => r.text ?? '').join('');

/**
 * Gives exceljs's reader `strings` for its shared-string table. The reader starts the table with
 * `this.sharedStrings = []`, appends with `push` and its worksheet reader looks texts up by
 * index; until the table starts, `sharedStrings` stays undefined, which tells the reader to set
 * aside a worksheet met before it. (exceljs's own "emit" mode would avoid this, but it loses
 * the cells that use the first shared string: it tests the index for truth, and 0 is false.)
 */
function keepSharedStringsIn(reader: object, strings: SharedStrings): void {
  const table = new Proxy([] as string[], {
    get(target, prop, receiver) {
      if (prop === 'push') return (t: SharedText) => strings.add(sharedText(t));
      if (typeof prop === 'string' && /^\d+$/.test(prop)) return strings.get(Number(prop));
      if (prop === 'length') return strings.size;
      return Reflect.get(target, prop, receiver);
    },
  });
  let started = false;
  Object.defineProperty(reader, 'sharedStrings', {
    get: () => (started ? table : undefined),
    set: () => {
      started = true;
    },
  });
}

/** Every .xlsx is a zip file, and every zip file starts with a local file header: "PK\x03\x04". */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system, as exceljs counts) to 1970-01-01. */
const EPOCH_SERIAL = 25_569;
const DATE1904_SHIFT = 1_462;

/** Same test exceljs applies to plain cells, reused for formula results (exceljs leaves those as numbers). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The UTC calendar day of the Date exceljs made; a time of day, when there is one, goes into `text` only. */
function dateCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return { text: '' };
  const iso = d.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return { text: time === '00:00:00' ? date : `${date} ${time.endsWith(':00') ? time.slice(0, 5) : time}`, date };
}

/** Turns any exceljs cell value into a Cell: rich text, hyperlinks and formula results become their text. */
function toCell(value: ExcelJS.CellValue | undefined, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) {
      return dateCell(new Date(Math.round((value - EPOCH_SERIAL + (date1904 ? DATE1904_SHIFT : 0)) * DAY_MS)));
    }
    return { text: numberText(value), number: value };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return dateCell(value);
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell(value.result as ExcelJS.CellValue | undefined, numFmt, date1904);
  }
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue, numFmt, date1904);
  if ('error' in value) return { text: value.error };
  return { text: '' };
}

/** Turns one exceljs row into our cells, refusing a row wider than MAX_COLUMNS. */
function rowCells(row: ExcelJS.Row, date1904: boolean): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = toCell(cell.value, cell.numFmt, date1904);
    if (col > MAX_COLUMNS) {
      // A blank string far to the right is no column; anything else there is refused.
      if (value.text.trim() === '') return;
      throw new ImportFileError('too_many_columns');
    }
    while (cells.length < col - 1) cells.push({ text: '' });
    cells[col - 1] = value;
  });
  return trimTrailingBlanks(cells);
}

/**
 * Yields the non-blank rows of the first worksheet (in tab order; the others are skipped
 * unread). Anything exceljs or the unzipper cannot make sense of — a renamed CSV, random
 * bytes, a truncated upload — becomes ImportFileError('unreadable'). The input is destroyed
 * when the generator ends, early or not.
 */
export async function* readXlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  let sawSheet = false;
  let yielded = 0;
  const strings = new SharedStrings();
  try {
    // The unzipper never settles on an empty stream (it neither ends nor errors), so the zip
    // signature is checked first; that also refuses every other non-zip file at once.
    const start = await readHead(input, ZIP_SIGNATURE.length);
    if (!start.head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) throw new ImportFileError('unreadable');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(replay(start)), READER_OPTIONS);
    decodeWholeCharacters(reader);
    keepSharedStringsIn(reader, strings);
    const internals = reader as unknown as ReaderInternals;
    for await (const sheet of reader) {
      const first = internals.model?.sheets?.[0]?.name;
      const name = (sheet as unknown as { name?: string }).name;
      if (first !== undefined && name !== first) continue;
      sawSheet = true;
      const date1904 = internals.properties?.model?.date1904 === true;
      for await (const row of sheet) {
        const cells = rowCells(row, date1904);
        if (isBlankRow(cells)) continue;
        yielded++;
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('unreadable', { cause: e });
  } finally {
    input.destroy();
    strings.close();
  }
  if (!sawSheet) throw new ImportFileError('unreadable');
  if (yielded === 0) throw new ImportFileError('empty');
}
