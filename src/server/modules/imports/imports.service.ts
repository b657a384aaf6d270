/**
 * Imports as the API and the CLI see them: an upload kept under the data folder and queued,
 * its state for the one who started it, the error report in their language, the templates.
 * Running is in imports.run.ts; the worker that picks queued imports up in imports.worker.ts.
 */
import { closeSync, createWriteStream, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ImportKind, ImportView } from '../../../common/contract/imports.js';
import type { Locale } from '../../../common/enums.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { dataDir } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ImportsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { hasRole, type Actor } from '../../platform/access/policy.js';
import * as repo from './imports.repository.js';
import { REPORT_LABELS, reasonText } from './imports.words.js';
import { templateHeaders } from './read/columns.js';
import { writeReportCsv, writeReportXlsx, type RejectedRow } from './read/report.js';
import { unreadableMultipart } from '../../platform/multipart.js';

/** Who may import (people, organisations, sites, records): admins with a duty over regions; each row is kept to their regions. */
export function requireImporter(actor: Actor): void {
  if (!hasRole(actor, 'system_admin', 'region_admin')) {
    throw forbidden('Only system and region admins import');
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format by the file's name, else by its first bytes (an .xlsx is a zip). */
export function formatOf(filename: string | undefined, head: Buffer): 'xlsx' | 'csv' {
  const ext = filename?.toLowerCase().match(/\.(xlsx|csv|txt)$/)?.[1];
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return head.subarray(0, 4).equals(ZIP) ? 'xlsx' : 'csv';
}

export interface NewImport {
  kind: ImportKind;
  allOrNothing: boolean;
  /** The file's name as uploaded (for its format only; never stored or logged). */
  filename?: string;
}

/**
 * Keeps the upload under <data>/imports/<id> and queues the import (the worker starts it at
 * once). `path`: a file already on this machine (the CLI), read where it is and left there.
 */
export async function createImport(
  ctx: Pick<AppContext, 'database' | 'config'>,
  actor: Actor,
  input: NewImport,
  file: { stream: Readable } | { path: string },
): Promise<{ id: string; status: 'queued' }> {
  requireImporter(actor);
  const id = newId();
  let path: string;
  if ('path' in file) path = file.path;
  else {
    const dir = join(dataDir(ctx.config.databaseUrl), 'imports');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    path = join(dir, id);
    try {
      await pipeline(file.stream, createWriteStream(path, { mode: 0o600 }));
    } catch (err) {
      // Too large, or the upload broke off: nothing is queued and no part of it is kept.
      rmSync(path, { force: true });
      // An upload that broke off (the stream errored) is the caller's mistake; a disk fault is ours.
      if (file.stream.errored) unreadableMultipart(err);
      throw err;
    }
  }
  const bytes = statSync(path).size;
  if (bytes === 0) throw badRequest('file: the file is empty', { field: 'file' });
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  await repo.insertImport(ctx.database.db, {
    id,
    kind: input.kind,
    format: formatOf(input.filename, head),
    status: 'queued',
    all_or_nothing: input.allOrNothing ? 1 : 0,
    file_path: path,
    file_bytes: bytes,
    bytes_read: 0,
    created_by: actor.userId,
    total: 0,
    done: 0,
    accepted: 0,
    rejected: 0,
    last_row: 0,
    failure: null,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
  });
  return { id, status: 'queued' };
}

const RECENT_IMPORTS = 20;

/** The import, to the one who started it (and system admins); 404 to anyone else. */
async function ownImport(db: Db, actor: Actor, id: string): Promise<ImportsTable> {
  const imp = await repo.importById(db, id);
  if (!imp || (imp.created_by !== actor.userId && !hasRole(actor, 'system_admin'))) throw notFound('Import');
  return imp;
}

/**
 * How far the import is, 0–1: the share of its file read by the last committed batch (never 1
 * before it is done), 1 once done; null while that is unknown (queued, or an all-or-nothing
 * import, whose single transaction commits nothing before the end).
 */
function progressOf(imp: ImportsTable): number | null {
  if (imp.status === 'done') return 1;
  if (imp.status === 'failed' || imp.file_bytes <= 0 || imp.bytes_read <= 0) return null;
  return Math.min(0.99, Math.floor((imp.bytes_read / imp.file_bytes) * 100) / 100);
}

export function importView(imp: ImportsTable, locale: Locale = 'zh-CN'): ImportView {
  const failure = imp.failure ? (JSON.parse(imp.failure) as { reason: string; params: Record<string, string> }) : null;
  return {
    id: imp.id,
    kind: imp.kind as ImportKind,
    status: imp.status,
    allOrNothing: imp.all_or_nothing === 1,
    total: imp.total,
    done: imp.done,
    accepted: imp.accepted,
    rejected: imp.rejected,
    progress: progressOf(imp),
    reportUrl: imp.rejected > 0 ? `/api/v1/imports/${imp.id}/report` : null,
    failure: failure ? { reason: failure.reason, message: reasonText(failure.reason, failure.params, locale) } : null,
    createdAt: imp.created_at,
    startedAt: imp.started_at,
    finishedAt: imp.finished_at,
  };
}

/** The caller's latest imports, newest first (an importer's history on the import page). */
export async function myImports(db: Db, actor: Actor, locale: Locale): Promise<{ items: ImportView[] }> {
  requireImporter(actor);
  return { items: (await repo.importsBy(db, actor.userId, RECENT_IMPORTS)).map((i) => importView(i, locale)) };
}

export async function showImport(db: Db, actor: Actor, id: string, locale: Locale): Promise<ImportView> {
  return importView(await ownImport(db, actor, id), locale);
}

/** An import's refusals in file order, worded in `locale`, read a page at a time. */
export async function* refusals(db: Db, importId: string, locale: Locale): AsyncGenerator<RejectedRow> {
  let after = { row: 0, seq: -1 };
  for (;;) {
    const page = await repo.rejectionsPage(db, importId, after, 1000);
    for (const r of page) {
      yield {
        row: r.row,
        column: r.column_name,
        reason: reasonText(r.reason, JSON.parse(r.params) as Record<string, string>, locale),
      };
    }
    const last = page[page.length - 1];
    if (!last || page.length < 1000) return;
    after = { row: last.row, seq: last.seq };
  }
}

/** The error report as a stream (.xlsx or .csv with BOM), and its file name. */
export async function importReport(db: Db, actor: Actor, id: string, format: 'xlsx' | 'csv', locale: Locale) {
  const imp = await ownImport(db, actor, id);
  const out = new PassThrough();
  const labels = { ...REPORT_LABELS[locale], sheet: locale === 'en' ? 'Rejected rows' : '未导入的行' };
  const write = format === 'csv' ? writeReportCsv : writeReportXlsx;
  write(refusals(db, imp.id, locale), labels, out).catch((e: unknown) => out.destroy(e as Error));
  return { stream: out, filename: `import_${imp.kind}_${imp.id}_report.${format}` };
}

/** The template of a kind: one row of the headers the importer expects (required ones marked *). */
export async function template(kind: ImportKind, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const headers = templateHeaders(kind);
  if (format === 'csv') return Buffer.from(`\uFEFF${headers.join(',')}\r\n`, 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind);
  ws.addRow(headers);
  ws.columns.forEach((c) => {
    c.width = 18;
    // Text cells: an ID number or phone typed into a number cell loses its digits.
    c.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
