/**
 * GET /api/v1/exports/:kind: a kind's rows under the caller's scope and the list's filters,
 * read in keyset batches and written as they come (platform/table-file.ts), so memory stays
 * bounded whatever the size. Every export is audited when its last row is written: who, which
 * kind, the filters and the number of rows — never a value of a row.
 */
import type { ExportKind, ExportQuery } from '../../../common/contract/exports.js';
import { LOCALES, type Locale } from '../../../common/enums.js';
import { forbidden } from '../../../common/errors.js';
import { localDate, localMidnight, addDays } from '../../../common/zoned-time.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { tableFile, type TableFile } from '../../platform/table-file.js';
import { columnsOf } from './exports.columns.js';
import * as repo from './exports.repository.js';
import { checkFilters, checkNamedFilters, mayExportInFull, scopeFor } from './exports.scope.js';
import { SHEETS } from './exports.words.js';

/** Rows fetched per query: a batch is all an export holds in memory at once. */
export const EXPORT_BATCH = 1000;

type Page = (db: Db, f: repo.ExportFilter, after: string, limit: number) => Promise<{ id: string }[]>;

const PAGES: Record<ExportKind, (full: boolean) => Page> = {
  volunteers: (full) => (db, f, after, limit) => repo.volunteersPage(db, f, after, limit, full),
  organisations: () => repo.organisationsPage,
  sites: () => repo.sitesPage,
  records: () => repo.recordsPage,
  points: () => repo.pointEntriesPage,
};

/** Every row of a kind, one keyset batch at a time; `done` learns how many once the last is out. */
async function* batches(
  db: Db,
  page: Page,
  filter: repo.ExportFilter,
  batch: number,
  done: (rows: number, complete: boolean) => Promise<void>,
): AsyncGenerator<Record<string, unknown>> {
  let rows = 0;
  let complete = false;
  try {
    let after = '';
    for (;;) {
      const items = await page(db, filter, after, batch);
      for (const r of items) {
        rows += 1;
        yield r;
      }
      const last = items[items.length - 1];
      if (items.length < batch || !last) break;
      after = last.id;
    }
    complete = true;
  } finally {
    // Also when the client went away: what left the server is on record.
    await done(rows, complete);
  }
}

/** The caller's language: asked for, or their account's, or Chinese. */
async function localeFor(db: Db, actor: Actor, asked: Locale | undefined): Promise<Locale> {
  if (asked) return asked;
  const own = await repo.localeOfUser(db, actor.userId);
  return (LOCALES as readonly string[]).includes(own ?? '') ? (own as Locale) : 'zh-CN';
}

/** The filters as the audit entry keeps them: their values, which name places and codes, not people. */
function filtersOf(q: ExportQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && !['format', 'full', 'lang'].includes(k)) out[k] = String(v);
  }
  return out;
}

export interface ExportOptions {
  /** Rows per query (tests make it small to see several batches). */
  batch?: number;
  /**
   * Asked after every other check when ID numbers and phones go out in full: the HTTP door
   * confirms the caller's password here (so a refusal for role or filter costs no attempt).
   */
  confirmFull?: () => Promise<void>;
  /** Told how many rows went out when the reading ends, whole or cut short (the CLI prints it). */
  onDone?: (rows: number, complete: boolean) => void;
}

/**
 * Checks everything (access, filters, names) before the first byte — afterwards an error can
 * only cut the file — then hands back the file as a stream.
 */
export async function exportTable(
  ctx: Pick<AppContext, 'database' | 'cipher'>,
  actor: Actor,
  kind: ExportKind,
  q: ExportQuery,
  opts: ExportOptions = {},
): Promise<TableFile> {
  const db = ctx.database.db;
  checkFilters(kind, q);
  const scope = scopeFor(actor, kind);
  if (q.full && !mayExportInFull(actor)) {
    throw forbidden('full: ID numbers and phones in full are for system and region admins');
  }
  await checkNamedFilters(db, actor, scope, q);
  if (q.full) await opts.confirmFull?.();
  const { timeZone } = await getSettings(db);
  const locale = await localeFor(db, actor, q.lang);
  const filter: repo.ExportFilter = {
    scope,
    regionCode: q.regionCode,
    organisationId: q.organisationId,
    status: q.status,
    field: q.field,
    orgKind: q.orgKind,
    siteType: q.siteType,
    source: q.source,
    entryKind: q.entryKind,
    fromDay: q.from,
    toDay: q.to,
    fromAt: q.from ? localMidnight(q.from, timeZone) : undefined,
    toAt: q.to ? localMidnight(addDays(q.to, 1), timeZone) : undefined,
  };
  const columns = columnsOf(kind, {
    locale,
    timeZone,
    fields: await repo.fieldNames(db),
    ...(q.full ? { open: (enc: string) => ctx.cipher.decrypt(enc) } : {}),
  });
  const audit = async (rows: number, complete: boolean) => {
    opts.onDone?.(rows, complete);
    await appendAudit(db, {
      actorUserId: actor.userId,
      action: q.full ? 'export.full' : 'export.download',
      entityType: q.regionCode ? 'region' : 'export',
      entityId: q.regionCode ?? kind,
      ...(q.regionCode ? {} : { regionCode: scope === 'all' ? null : (scope.regions[0] ?? null) }),
      details: { kind, format: q.format, full: q.full, filters: filtersOf(q), rows, complete },
    });
  };
  const rows = batches(db, PAGES[kind](q.full), filter, opts.batch ?? EXPORT_BATCH, audit);
  const day = localDate(nowIso(), timeZone);
  const where = q.regionCode ?? (scope === 'all' ? 'all' : (scope.regions[0] ?? 'scope'));
  return tableFile(q.format, [{ name: SHEETS[kind][locale], columns, rows }], `${kind}_${where}_${day}`);
}
