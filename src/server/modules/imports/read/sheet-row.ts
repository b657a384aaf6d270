/**
 * What the readers hand on: rows of cells, the same shape whether the file was .xlsx or .csv,
 * so the importer above never asks which one it had.
 */

/** One cell. `text` is always set; the other fields say what the spreadsheet itself knew. */
export interface Cell {
  /** The cell as text: what a person would see in it, before any cleaning. */
  text: string;
  /** Set when the spreadsheet stored a number (xlsx only): an ID stored so has lost digits. */
  number?: number;
  /** YYYY-MM-DD when the cell is date-typed (xlsx only). */
  date?: string;
}

/** One non-empty row. */
export interface SheetRow {
  /** 1-based row number as Excel shows it (for CSV: the record number, see csv-rows.ts). */
  row: number;
  /** Cells from column A on; blanks in between are `{ text: '' }`, trailing blanks are dropped. */
  cells: Cell[];
}

/**
 * A row wider than this is refused: no template has more than a dozen columns, and a limit
 * stops a file with a stray value in column XFD from making every row 16,384 cells long.
 */
export const MAX_COLUMNS = 200;

export type ImportFileReason = 'unreadable' | 'empty' | 'too_many_columns';

const MESSAGES: Record<ImportFileReason, string> = {
  unreadable: 'The file could not be read as a spreadsheet of the stated format.',
  empty: 'The file holds no rows.',
  too_many_columns: `A row has more than ${MAX_COLUMNS} columns.`,
};

/**
 * The whole file is refused (as opposed to one row). The message is fixed English per reason
 * and never quotes the file, so it can be logged without leaking what was uploaded.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly reason: ImportFileReason,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[reason], options);
  }
}

/** A row whose cells are all blank (whitespace, including the ideographic space, counts as blank). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c.text.trim() === '');
}

/** Drops blank cells at the end of a row, so "a,b,,," and "a,b" are the same row. */
export function trimTrailingBlanks(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1]?.text.trim() ?? '') === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * A number as plain decimal text. Integers are written out in full (1.2345678901234568e+17
 * would hide that an ID lost its digits, and normalisers look at the digits). Fractions are
 * rounded to the 15 significant digits Excel shows, so 0.1+0.2 reads "0.3".
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const shown = Number(n.toPrecision(15));
  const text = String(shown);
  if (!text.includes('e')) return text;
  return shown.toFixed(20).replace(/\.?0+$/, '');
}
