/** Helpers of the import tests: multipart bodies, files with planted rows, waiting for the worker. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { makeOrganisationTree } from '../../../../test/activity-factories.js';
import { makeRegions, makeUser, REGIONS } from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { Dialect } from '../../db/database.js';
import { rebuildStats } from '../stats/index.js';
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

/** The report of an import as CSV rows [row, column, reason] (header dropped). */
export async function reportOf(client: Client, id: string, lang = 'zh-CN'): Promise<string[][]> {
  const res = await client.get(`/api/v1/imports/${id}/report?format=csv&lang=${lang}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  return (parse(res.body.slice(1)) as string[][]).slice(1);
}

/** A user with these grants, logged in. */
export async function loginWith(t: TestApp, roles: NonNullable<Parameters<typeof makeUser>[1]>['roles']) {
  const u = await makeUser(t.tdb.db, { roles: roles ?? [] });
  return { id: u.id, client: await new Client(t.app).login(u.username, u.password) };
}

/**
 * The template of `kind` as downloaded (.xlsx), with `rows` typed under its header row: what
 * a person fills in and uploads.
 */
export async function filledTemplate(client: Client, kind: string, rows: string[][]) {
  const res = await client.get(`/api/v1/imports/templates/${kind}?format=xlsx`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the template has no sheet');
  for (const r of rows) ws.addRow(r);
  return { name: `${kind}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * An app on a fresh database with the factory's regions (and `extraRegions`), its organisation
 * tree counted in the statistics (the factory writes straight to the tables, so verifyStats then
 * sees what an import adds alone), and region admins of the city and of 渝中, logged in.
 */
export async function importScene(dialect: Dialect, extraRegions: Parameters<typeof makeRegions>[1] = []) {
  const t = await createTestApp(dialect);
  await makeRegions(t.tdb.db, extraRegions);
  const tree = await makeOrganisationTree(t.app);
  await rebuildStats(t.tdb.db);
  const admin = await loginWith(t, [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }]);
  const yuzhongAdmin = await loginWith(t, [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }]);
  return { t, tree, admin, yuzhongAdmin: yuzhongAdmin.client };
}
