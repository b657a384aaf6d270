import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook on its way to the client, and the name it is saved under. */
export interface XlsxFile {
  stream: Readable;
  filename: string;
}

/**
 * Starts a streamed workbook: rows are committed as they are written and the file flows to
 * the client while later batches are still being read. Errors after the first byte can
 * only end the stream, so the access checks all run before this is called.
 */
export function streamedWorkbook(fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  fill(wb)
    .then(() => wb.commit())
    .catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/** Sends a workbook as a download that no cache keeps. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}
