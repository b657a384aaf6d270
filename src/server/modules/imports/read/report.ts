/**
 * The error report handed back after an import: one line per refused cell or row, in the
 * reader's language, as CSV or .xlsx. Both are written as a stream, so a file where every one
 * of a million rows was refused does not build its report in memory.
 */
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export interface RejectedRow {
  /** The row number as the file shows it. */
  row: number;
  /** The header text as in the file, or '' when the problem is the whole row. */
  column: string;
  /** Already in the reader's language; may quote what the user typed. */
  reason: string;
}

/** Header texts of the report, in the reader's language. */
export interface ReportLabels {
  row: string;
  column: string;
  reason: string;
  /** Name of the worksheet in the .xlsx report (default "Report"). */
  sheet?: string;
}

type Rows = AsyncIterable<RejectedRow> | Iterable<RejectedRow>;

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula (and some treat a
 * leading tab or carriage return the same), and reasons quote user text: "=cmd()" would be
 * a formula. A leading apostrophe makes Excel and LibreOffice show it as text.
 */
export function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const line = (r: RejectedRow): [string, string, string] => [String(r.row), defuse(r.column), defuse(r.reason)];

async function* withHeader(labels: ReportLabels, rows: Rows): AsyncGenerator<string[]> {
  yield [defuse(labels.row), defuse(labels.column), defuse(labels.reason)];
  for await (const r of rows) yield line(r);
}

/**
 * Writes the report as CSV: UTF-8 with a BOM (without it Excel on Chinese Windows reads the
 * file as GBK and shows mojibake), CRLF line ends as Excel writes them. Ends `out`.
 */
export async function writeReportCsv(rows: Rows, labels: ReportLabels, out: Writable): Promise<void> {
  await pipeline(Readable.from(withHeader(labels, rows)), stringify({ bom: true, record_delimiter: 'windows' }), out);
}

/** Column widths in characters: row numbers are short, reasons are sentences. */
const WIDTHS = [10, 24, 80] as const;

/**
 * Writes the report as a one-sheet .xlsx with exceljs's streaming writer: each row is committed
 * as it is written, and writing waits while `out` is full. Ends `out`.
 */
export async function writeReportXlsx(rows: Rows, labels: ReportLabels, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(labels.sheet ?? 'Report');
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.addRow([defuse(labels.row), defuse(labels.column), defuse(labels.reason)]).commit();
  for await (const r of rows) {
    // An empty column is left an empty cell rather than a cell holding ''.
    ws.addRow([r.row, r.column === '' ? null : defuse(r.column), defuse(r.reason)]).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await wb.commit();
}
