// Counts of reports by category, status and child region, with handling times: for the console
// (within the caller's scope) and, as public aggregates, for the big screen.
import {
  OPEN_REPORT_STATUSES,
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type ReportStats,
  type ReportStatsQueryInput,
} from '../../../common/contract/reports.js';
import type { ReportsWork } from '../../../common/contract/workbench.js';
import { forbidden, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import type { CountScope } from '../../platform/access/scope.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { regionByCode } from '../regions/index.js';
import { resolveWindow } from '../stats/index.js';
import * as repo from './reports.repository.js';
import { consoleScope, HANDLER_ROLES } from './reports.view.js';

const HOUR_MS = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The median of sorted numbers (null for none). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The window of submission times a query asks for, read as the statistics overview reads it;
 * null (every report) when it names neither end.
 */
async function windowOf(db: Db, q: ReportStatsQueryInput): Promise<repo.Submitted | null> {
  if (q.from === undefined && q.to === undefined) return null;
  return resolveWindow(q, Date.now(), (await getSettings(db)).timeZone);
}

/** The statistics of the reports under a region (or the top regions) within a scope, submitted in the window asked. */
export async function reportStats(db: Db, scope: CountScope, q: ReportStatsQueryInput): Promise<ReportStats> {
  const region = q.regionCode ? await regionByCode(db, q.regionCode) : null;
  if (q.regionCode && !region) throw ruleBroken('regionCode', 'no_such_region', `unknown region "${q.regionCode}"`);
  const window = await windowOf(db, q);
  const regionCode = region?.code ?? null;
  const facts = await repo.reportFacts(db, scope, regionCode, window);
  const byCategory = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const hours: number[] = [];
  for (const f of facts) {
    byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
    byStatus.set(f.status, (byStatus.get(f.status) ?? 0) + 1);
    if (f.closed_at) hours.push((Date.parse(f.closed_at) - Date.parse(f.created_at)) / HOUR_MS);
  }
  hours.sort((a, b) => a - b);
  const mid = median(hours);
  const regions = await repo.countsByChildRegion(db, scope, regionCode, window);
  return {
    regionCode,
    regionName: region?.name ?? null,
    from: window?.from ?? null,
    to: window?.to ?? null,
    total: facts.length,
    byCategory: REPORT_CATEGORIES.map((key) => ({ key, count: byCategory.get(key) ?? 0 })),
    byStatus: REPORT_STATUSES.map((key) => ({ key, count: byStatus.get(key) ?? 0 })),
    byRegion: regions.map((r) => ({ code: r.code, name: r.name, count: Number(r.n) })),
    handling: {
      closed: hours.length,
      averageHours: hours.length ? round1(hours.reduce((s, h) => s + h, 0) / hours.length) : null,
      medianHours: mid === null ? null : round1(mid),
    },
  };
}

/** The console's statistics: the caller's scope, counted by the children of the region asked (or of their one region). */
export async function scopedReportStats(db: Db, actor: Actor, q: ReportStatsQueryInput): Promise<ReportStats> {
  const scope = consoleScope(actor);
  if (scope !== 'all' && scope.regions.length === 0 && scope.organisations.length === 0) {
    throw forbidden('Only region admins and the organisations reports go to see their statistics');
  }
  const own = scopesOf(actor, ['region_admin'], 'region');
  return reportStats(db, scope, { ...q, regionCode: q.regionCode ?? (own.length === 1 ? own[0] : undefined) });
}

/**
 * The reports waiting on the actor, for the workbench: those routed to their organisations
 * (or one below) and not yet answered, and those in their regions no rule routed (all of them
 * for a system admin). Null when neither is the actor's to do.
 */
export async function reportsToDo(db: Db, actor: Actor): Promise<ReportsWork | null> {
  const organisations = scopesOf(actor, HANDLER_ROLES, 'organisation');
  const regions = scopesOf(actor, ['region_admin'], 'region');
  const system = isSystemAdmin(actor);
  if (organisations.length === 0 && regions.length === 0 && !system) return null;
  const [toAnswer, toRoute] = await Promise.all([
    organisations.length ? repo.countInStatus(db, { organisations, regions: [] }, OPEN_REPORT_STATUSES) : null,
    system || regions.length
      ? repo.countInStatus(db, system ? 'all' : { organisations: [], regions }, ['unrouted'])
      : null,
  ]);
  return { toAnswer, toRoute };
}
