/** Helpers of the import tests: multipart bodies, files with planted rows, waiting for the worker. */
import ExcelJS from 'exceljs';
import type { Client } from '../../../../test/test-app.js';
import { settleImports } from './imports.worker.js';

/** A multipart/form-data body of text fields and one file. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = `----shanmei${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as `client` and waits until the import has ended; answers the POST and the final state. */
export async function importFile(
  client: Client,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string> = { kind: 'volunteers' },
) {
  const body = multipart(fields, file);
  const posted = await client.request('POST', '/api/v1/imports', body.payload, { 'content-type': body.contentType });
  await settleImports();
  if (posted.statusCode !== 202) return { posted, state: null };
  const state = await client.get(`/api/v1/imports/${(posted.json() as { id: string }).id}`);
  return { posted, state: state.json() as Record<string, unknown> & { id: string } };
}

/** A CSV file (UTF-8 with BOM, as Excel saves it) from rows of cells. */
export const csvFile = (rows: string[][]) => ({
  name: 'register.csv',
  bytes: Buffer.from(
    `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n')}\r\n`,
  ),
});

/** An .xlsx file from rows; a cell given as a number is stored as a number (as Excel does with a long ID). */
export async function xlsxFile(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('志愿者');
  for (const r of rows) ws.addRow(r);
  return { name: 'register.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
