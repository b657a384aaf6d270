/**
 * The one entry point for reading an uploaded spreadsheet: the caller says which format the
 * upload claims to be (from its name or content type) and gets the same rows either way.
 */
import type { Readable } from 'node:stream';
import { readCsvRows } from './csv-rows.js';
import type { SheetRow } from './sheet-row.js';
import { readXlsxRows } from './xlsx-rows.js';

export { type Cell, type ImportFileReason, ImportFileError, MAX_COLUMNS, type SheetRow } from './sheet-row.js';

export type SheetFormat = 'xlsx' | 'csv';

/**
 * Streams the non-blank rows of `input`, in order, with their true row numbers. Errors that
 * concern the file as a whole (not a spreadsheet, no rows, too wide) are thrown as
 * ImportFileError while iterating, so the caller may already have handled earlier rows.
 * `input` is destroyed when iteration ends, also when the caller stops early.
 */
export function readRows(input: Readable, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsxRows(input) : readCsvRows(input);
}

/**
 * Reads the first `count` rows and hands back a stream of all rows, those first ones
 * included, so headers can be looked for without losing the data rows that follow them.
 */
export async function peekRows(
  rows: AsyncIterable<SheetRow>,
  count: number,
): Promise<{ head: SheetRow[]; rows: AsyncGenerator<SheetRow> }> {
  const it = rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  let done = false;
  while (head.length < count) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* all(): AsyncGenerator<SheetRow> {
    try {
      yield* head;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return { head, rows: all() };
}
