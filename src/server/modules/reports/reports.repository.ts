import { sql } from 'kysely';
import type { ReportStatus } from '../../../common/contract/reports.js';
import type { Db } from '../../db/database.js';
import type { ReportEventsTable, ReportRoutesTable, ReportsTable } from '../../db/schema.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** A window of submission times: [from, to), UTC ISO. */
export interface Submitted {
  from: string;
  to: string;
}

const REPORT_COLUMNS = [
  'p.id',
  'p.reporter_user_id',
  'p.category',
  'p.text',
  'p.region_code',
  'r.name as region_name',
  'p.position_enc',
  'p.observed_at',
  'p.status',
  'p.organisation_id',
  'o.name as organisation_name',
  'p.photo_ids',
  'p.created_at',
  'p.closed_at',
] as const;

const reports = (db: Db) =>
  db
    .selectFrom('reports as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(REPORT_COLUMNS);

export type ReportRow = Awaited<ReturnType<typeof reportById>> & {};

export async function reportById(db: Db, id: string) {
  return reports(db).where('p.id', '=', id).executeTakeFirst();
}

export async function insertReport(db: Db, row: ReportsTable): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export async function insertEvent(db: Db, row: ReportEventsTable): Promise<void> {
  await db.insertInto('report_events').values(row).execute();
}

/** Moves a report on from one of `from`; false when another step came first. */
export async function advance(
  db: Db,
  id: string,
  from: readonly ReportStatus[],
  set: { status: ReportStatus; organisation_id?: string | null; closed_at?: string | null; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function eventsOf(db: Db, reportId: string) {
  return db
    .selectFrom('report_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.kind', 'e.at', 'e.note', 'e.photo_ids', 'u.display_name as by', 'o.name as organisation_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();
}

/** Every photo id shown on a report's answers (their events). */
export async function answerPhotoIdsOf(db: Db, reportId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('report_events')
    .select('photo_ids')
    .where('report_id', '=', reportId)
    .where('photo_ids', '!=', '[]')
    .execute();
  return rows.flatMap((r) => JSON.parse(r.photo_ids) as string[]);
}

export interface ReportFilter {
  status?: ReportStatus | undefined;
  category?: string | undefined;
  regionCode?: string | undefined;
  /** The last id of the previous page (newest first). */
  before?: string | undefined;
  limit: number;
}

function filtered(db: Db, f: ReportFilter) {
  let q = reports(db);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.category) q = q.where('p.category', '=', f.category as ReportsTable['category']);
  if (f.regionCode) {
    const under = db.selectFrom('region_closure').select('descendant').where('ancestor', '=', f.regionCode);
    q = q.where('p.region_code', 'in', under);
  }
  if (f.before) q = q.where('p.id', '<', f.before);
  return q.orderBy('p.id', 'desc').limit(f.limit + 1);
}

export async function reportsOfReporter(db: Db, userId: string, f: ReportFilter) {
  return filtered(db, f).where('p.reporter_user_id', '=', userId).execute();
}

/** Reports in the scope: in its regions, or with one of its organisations (or one below). */
export async function reportsInScope(db: Db, scope: CountScope, f: ReportFilter) {
  return filtered(db, f)
    .where(inScope(scope, { region: 'p.region_code', organisation: 'p.organisation_id' }))
    .execute();
}

/** The rule for a category nearest above (or at) the region: the most specific one. */
export async function nearestRoute(db: Db, regionCode: string, category: string) {
  return db
    .selectFrom('report_routes as rr')
    .innerJoin('region_closure as rc', 'rc.ancestor', 'rr.region_code')
    .innerJoin('organisations as o', 'o.id', 'rr.organisation_id')
    .select(['rr.organisation_id'])
    .where('rc.descendant', '=', regionCode)
    .where('rr.category', '=', category as ReportRoutesTable['category'])
    .where('o.status', '=', 'active')
    .orderBy('rc.depth', 'asc')
    .limit(1)
    .executeTakeFirst();
}

const routes = (db: Db) =>
  db
    .selectFrom('report_routes as rr')
    .innerJoin('regions as r', 'r.code', 'rr.region_code')
    .innerJoin('organisations as o', 'o.id', 'rr.organisation_id')
    .select([
      'rr.id',
      'rr.region_code',
      'r.name as region_name',
      'rr.category',
      'rr.organisation_id',
      'o.name as organisation_name',
      'rr.updated_at',
    ]);
export type RouteRow = Awaited<ReturnType<typeof routeById>> & {};

export async function routeById(db: Db, id: string) {
  return routes(db).where('rr.id', '=', id).executeTakeFirst();
}

/** The rules of the regions under any of `regions` (all when null), by region and category. */
export async function routesUnder(db: Db, regions: readonly string[] | null) {
  let q = routes(db);
  if (regions !== null) {
    if (regions.length === 0) return [];
    const under = db
      .selectFrom('region_closure')
      .select('descendant')
      .where('ancestor', 'in', [...regions]);
    q = q.where('rr.region_code', 'in', under);
  }
  return q.orderBy('rr.region_code').orderBy('rr.category').limit(1000).execute();
}

/** Sets the organisation of a (region, category); the rule's id. */
export async function upsertRoute(db: Db, row: ReportRoutesTable): Promise<string> {
  const existing = await db
    .selectFrom('report_routes')
    .select('id')
    .where('region_code', '=', row.region_code)
    .where('category', '=', row.category)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('report_routes')
      .set({ organisation_id: row.organisation_id, updated_by: row.updated_by, updated_at: row.updated_at })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  await db.insertInto('report_routes').values(row).execute();
  return row.id;
}

export async function deleteRoute(db: Db, id: string): Promise<void> {
  await db.deleteFrom('report_routes').where('id', '=', id).execute();
}

/** The region admins over a region (its queue of unrouted reports is theirs). */
export async function regionAdminsOver(db: Db, regionCode: string): Promise<string[]> {
  const above = db.selectFrom('region_closure').select('ancestor').where('descendant', '=', regionCode);
  const rows = await db
    .selectFrom('role_grants')
    .select('user_id')
    .distinct()
    .where('role', '=', 'region_admin')
    .where('scope_type', '=', 'region')
    .where('scope_id', 'in', above)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Who answers for an organisation: its own department and team admins, or — when it has none (a
 * small team) — those of the nearest organisation above it that has some.
 */
export async function organisationAdmins(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('organisation_closure as oc', 'oc.ancestor', 'g.scope_id')
    .select(['g.user_id', 'oc.depth'])
    .where('oc.descendant', '=', organisationId)
    .where('g.role', 'in', ['department_admin', 'team_admin'])
    .where('g.scope_type', '=', 'organisation')
    .orderBy('oc.depth')
    .orderBy('g.user_id')
    .execute();
  const nearest = rows[0]?.depth;
  return [...new Set(rows.filter((r) => r.depth === nearest).map((r) => r.user_id))];
}

/** The reports under a region for statistics (scope-narrowed; null region: the whole scope). */
export async function reportFacts(db: Db, scope: CountScope, regionCode: string | null, window: Submitted | null) {
  let q = db
    .selectFrom('reports as p')
    .select(['p.category', 'p.status', 'p.region_code', 'p.created_at', 'p.closed_at'])
    .where(inScope(scope, { region: 'p.region_code', organisation: 'p.organisation_id' }));
  if (window) q = q.where('p.created_at', '>=', window.from).where('p.created_at', '<', window.to);
  if (regionCode) {
    const under = db.selectFrom('region_closure').select('descendant').where('ancestor', '=', regionCode);
    q = q.where('p.region_code', 'in', under);
  }
  return q.execute();
}

/**
 * Reports in the scope by child region of a region (of the top regions when null): each report
 * counts under the child its region lies in.
 */
export async function countsByChildRegion(
  db: Db,
  scope: CountScope,
  regionCode: string | null,
  window: Submitted | null,
) {
  let q = db
    .selectFrom('reports as p')
    .innerJoin('region_closure as rc', 'rc.descendant', 'p.region_code')
    .innerJoin('regions as c', 'c.code', 'rc.ancestor')
    .select(['c.code', 'c.name', sql<number>`count(*)`.as('n')])
    .where(
      'c.parent_code',
      'in',
      regionCode ? [regionCode] : db.selectFrom('regions').select('code').where('parent_code', 'is', null),
    )
    .where(inScope(scope, { region: 'p.region_code', organisation: 'p.organisation_id' }));
  if (window) q = q.where('p.created_at', '>=', window.from).where('p.created_at', '<', window.to);
  return q.groupBy(['c.code', 'c.name']).orderBy('c.code').execute();
}

/** Files of a kind uploaded before an instant (never attached: attaching changes their kind), oldest first. */
export async function uploadsBefore(db: Db, kind: string, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('owner_kind', '=', kind)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The files a person's reports show (their own photos), and their uploads never attached. */
export async function photosOfReporter(db: Db, userId: string, uploadKind: string): Promise<string[]> {
  const reports = await db
    .selectFrom('reports')
    .select('photo_ids')
    .where('reporter_user_id', '=', userId)
    .where('photo_ids', '!=', '[]')
    .execute();
  const uploads = await db
    .selectFrom('files')
    .select('id')
    .where('owner_kind', '=', uploadKind)
    .where('owner_id', '=', userId)
    .execute();
  return [...reports.flatMap((r) => JSON.parse(r.photo_ids) as string[]), ...uploads.map((u) => u.id)];
}

/** A closing account's reports keep what they say, without the reporter's photos and position. */
export async function eraseReporterData(db: Db, userId: string, at: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ photo_ids: '[]', position_enc: null, updated_at: at })
    .where('reporter_user_id', '=', userId)
    .execute();
}

/** How many reports in the scope stand in one of these statuses. */
export async function countInStatus(db: Db, scope: CountScope, statuses: readonly ReportStatus[]): Promise<number> {
  const row = await db
    .selectFrom('reports as p')
    .select(sql<number>`count(*)`.as('n'))
    .where('p.status', 'in', [...statuses])
    .where(inScope(scope, { region: 'p.region_code', organisation: 'p.organisation_id' }))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
