/**
 * The one writer of every downloadable table (exports, reports): rows in, a streamed .xlsx or
 * CSV out, sent as an attachment that no cache keeps. Rows are pulled from an async iterable
 * one at a time and written as they come, waiting while the client is slow, so a file of
 * millions of rows never sits in memory; the reader decides how many rows a query fetches.
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { XLSX_TYPE } from './xlsx.js';

export const TABLE_FORMATS = ['xlsx', 'csv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** A cell: text, a number, or empty. */
export type Cell = string | number | null | undefined;

/** One column: its header (already in the reader's language), its width in .xlsx, its value. */
export interface Column<R> {
  header: string;
  width?: number;
  value: (row: R) => Cell;
}

/** One table: a worksheet in .xlsx, the whole file in CSV. */
export interface Sheet<R> {
  name: string;
  columns: readonly Column<R>[];
  rows: AsyncIterable<R> | Iterable<R>;
}

/** A file on its way to the client, and the name it is saved under. */
export interface TableFile {
  stream: Readable;
  filename: string;
  format: TableFormat;
}

/**
 * Spreadsheet programs run a cell that starts with = + - or @ as a formula (some treat a
 * leading tab or carriage return the same), and exported names and notes are user text.
 * A leading apostrophe makes Excel and LibreOffice show it as text. Numbers stay numbers.
 */
export function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const cellOf = (v: Cell): string | number | null => (typeof v === 'string' ? defuse(v) : (v ?? null));

/** A sheet of any rows: a workbook holds sheets of different rows, each typed where it is made. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySheet = Sheet<any>;

async function* lines(sheet: AnySheet): AsyncGenerator<(string | number | null)[]> {
  yield sheet.columns.map((c) => defuse(c.header));
  for await (const r of sheet.rows) yield sheet.columns.map((c) => cellOf(c.value(r)));
}

/**
 * Writes one table as CSV: UTF-8 with a BOM (without it Excel on Chinese Windows reads the
 * file as GBK and shows mojibake), CRLF line ends as Excel writes them. Ends `out`.
 */
export async function writeCsv(sheet: AnySheet, out: Writable): Promise<void> {
  await pipeline(Readable.from(lines(sheet)), stringify({ bom: true, record_delimiter: 'windows' }), out);
}

/** Waits while `out` is full; throws when it was closed instead (the client went away). */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('The file was closed before its end');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
  if (out.destroyed) throw new Error('The file was closed before its end');
}

/**
 * Writes sheets as one .xlsx with exceljs's streaming writer: each row is committed as it is
 * written, and writing waits while `out` is full. Ends `out`.
 */
export async function writeXlsx(sheets: readonly AnySheet[], out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? 14;
    });
    for await (const line of lines(sheet)) {
      ws.addRow(line).commit();
      await drained(out);
    }
    ws.commit();
  }
  await wb.commit();
}

/**
 * Starts writing and hands back the stream at once. Errors after the first byte can only end
 * the stream, so every access check and every validation runs before this is called.
 */
export function tableFile(format: TableFormat, sheets: readonly AnySheet[], filename: string): TableFile {
  const out = new PassThrough();
  const first = sheets[0];
  if (format === 'csv' && (sheets.length !== 1 || !first)) throw new Error('A CSV file holds exactly one table');
  const writing = format === 'csv' && first ? writeCsv(first, out) : writeXlsx(sheets, out);
  writing.catch((e: unknown) => out.destroy(e as Error));
  return { stream: out, filename: `${filename}.${format}`, format };
}

/**
 * Sends a table file as a download that no cache keeps. A name beyond ASCII also goes as
 * RFC 5987 `filename*`, with an ASCII fallback for old clients.
 */
export function sendTableFile(reply: FastifyReply, file: TableFile): FastifyReply {
  const ascii = file.filename.replace(/[^\w.-]/g, '_');
  const utf8 = ascii === file.filename ? '' : `; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  return reply
    .header('content-type', file.format === 'csv' ? CSV_TYPE : XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"${utf8}`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}
