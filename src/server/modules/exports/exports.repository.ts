/**
 * The reads of the exports: one keyset page of each kind at a time (ordered by id, which is
 * time-ordered), under the caller's scope and the export's filters. Read only: the rows belong
 * to their modules, which alone write them.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** Filters already checked and turned into what the queries compare (instants in UTC). */
export interface ExportFilter {
  /** What the caller's grants reach. */
  scope: CountScope;
  regionCode?: string | undefined;
  organisationId?: string | undefined;
  status?: string | undefined;
  field?: string | undefined;
  orgKind?: string | undefined;
  siteType?: string | undefined;
  source?: string | undefined;
  entryKind?: string | undefined;
  /** Local days (records' service dates). */
  fromDay?: string | undefined;
  toDay?: string | undefined;
  /** [fromAt, toAt) instants for the kinds dated by a timestamp. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
}

const underRegion = (code: string, column: string) =>
  inScope({ organisations: [], regions: [code] }, { region: column });
const underOrganisation = (id: string, column: string) =>
  inScope({ organisations: [id], regions: [] }, { organisation: column });
/** A JSON list column holding a code (codes are [a-z_], so no quote can be inside one). */
const listHolds = (column: string, code: string) => sql<SqlBool>`${sql.ref(column)} like ${`%"${code}"%`}`;

function conditions(
  f: ExportFilter,
  c: { region: string; organisation?: string; scopeOrganisation?: string },
): Expression<SqlBool>[] {
  const out = [inScope(f.scope, { region: c.region, organisation: c.scopeOrganisation ?? c.organisation })];
  if (f.regionCode) out.push(underRegion(f.regionCode, c.region));
  if (f.organisationId && c.organisation) out.push(underOrganisation(f.organisationId, c.organisation));
  return out;
}

export async function volunteersPage(db: Db, f: ExportFilter, after: string, limit: number, full: boolean) {
  let q = db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .innerJoin('regions', 'regions.code', 'volunteers.region_code')
    .select([
      'volunteers.id',
      'volunteers.volunteer_code',
      'volunteers.name',
      'volunteers.id_type',
      'volunteers.id_number_masked',
      'volunteers.birth_year',
      'volunteers.gender',
      'users.phone_masked',
      'volunteers.region_code',
      'regions.name as region_name',
      'volunteers.skills',
      'volunteers.fields',
      'volunteers.status',
      'volunteers.registered_at',
      'volunteers.confirmed_minutes',
      'volunteers.star_level',
      sql<number | null>`(select balance from point_accounts where kind = 'wallet' and owner_id = volunteers.id)`.as(
        'points_balance',
      ),
      // The encrypted values only when the caller asked for them in full (and may).
      sql<string | null>`${full ? sql.ref('volunteers.id_number_enc') : sql.lit(null)}`.as('id_number_enc'),
      sql<string | null>`${full ? sql.ref('users.phone_enc') : sql.lit(null)}`.as('phone_enc'),
    ])
    .where((eb) => eb.and(conditions(f, { region: 'volunteers.region_code' })))
    .where('volunteers.id', '>', after);
  if (f.organisationId) {
    const org = f.organisationId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .innerJoin('organisation_closure as moc', 'moc.descendant', 'm.organisation_id')
          .select('m.id')
          .whereRef('m.volunteer_id', '=', 'volunteers.id')
          .where('m.status', '=', 'active')
          .where('moc.ancestor', '=', org),
      ),
    );
  }
  if (f.status) q = q.where('volunteers.status', '=', f.status as never);
  else q = q.where('volunteers.status', '!=', 'closed');
  if (f.field) q = q.where(listHolds('volunteers.fields', f.field));
  if (f.fromAt) q = q.where('volunteers.registered_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('volunteers.registered_at', '<', f.toAt);
  return q.orderBy('volunteers.id').limit(limit).execute();
}
export type VolunteerExportRow = Awaited<ReturnType<typeof volunteersPage>>[number];

export async function organisationsPage(db: Db, f: ExportFilter, after: string, limit: number) {
  let q = db
    .selectFrom('organisations as o')
    .innerJoin('regions', 'regions.code', 'o.region_code')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .leftJoin('organisations as d', 'd.id', 'o.department_id')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.level',
      'o.region_code',
      'regions.name as region_name',
      'p.name as parent_name',
      'd.name as department_name',
      'o.fields',
      'o.status',
      'o.created_at',
    ])
    .where((eb) => eb.and(conditions(f, { region: 'o.region_code', organisation: 'o.id' })))
    .where('o.id', '>', after);
  if (f.status) q = q.where('o.status', '=', f.status as never);
  if (f.orgKind) q = q.where('o.kind', '=', f.orgKind as never);
  if (f.field) q = q.where(listHolds('o.fields', f.field));
  if (f.fromAt) q = q.where('o.created_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('o.created_at', '<', f.toAt);
  return q.orderBy('o.id').limit(limit).execute();
}
export type OrganisationExportRow = Awaited<ReturnType<typeof organisationsPage>>[number];

export async function sitesPage(db: Db, f: ExportFilter, after: string, limit: number) {
  let q = db
    .selectFrom('sites as s')
    .innerJoin('regions', 'regions.code', 's.region_code')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.name',
      's.type',
      's.region_code',
      'regions.name as region_name',
      's.address',
      's.lng',
      's.lat',
      'o.name as organisation_name',
      's.opening_hours',
      's.facilities',
      's.status',
      's.created_at',
    ])
    .where((eb) => eb.and(conditions(f, { region: 's.region_code', organisation: 's.organisation_id' })))
    .where('s.id', '>', after);
  if (f.status) q = q.where('s.status', '=', f.status as never);
  if (f.siteType) q = q.where('s.type', '=', f.siteType as never);
  if (f.fromAt) q = q.where('s.created_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('s.created_at', '<', f.toAt);
  return q.orderBy('s.id').limit(limit).execute();
}
export type SiteExportRow = Awaited<ReturnType<typeof sitesPage>>[number];

export async function recordsPage(db: Db, f: ExportFilter, after: string, limit: number) {
  let q = db
    .selectFrom('service_records as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('regions', 'regions.code', 'a.region_code')
    .select([
      'r.id',
      'r.service_date',
      'r.start_at',
      'r.end_at',
      'v.volunteer_code',
      'v.name as volunteer_name',
      'o.name as organisation_name',
      'a.title as activity_title',
      'a.field',
      'a.region_code',
      'regions.name as region_name',
      'r.minutes',
      'r.source',
      'r.status',
      'r.content',
    ])
    .where((eb) => eb.and(conditions(f, { region: 'a.region_code', organisation: 'r.organisation_id' })))
    .where('r.id', '>', after);
  if (f.status) q = q.where('r.status', '=', f.status as never);
  if (f.source) q = q.where('r.source', '=', f.source as never);
  if (f.field) q = q.where('a.field', '=', f.field);
  if (f.fromDay) q = q.where('r.service_date', '>=', f.fromDay);
  if (f.toDay) q = q.where('r.service_date', '<=', f.toDay);
  return q.orderBy('r.id').limit(limit).execute();
}
export type RecordExportRow = Awaited<ReturnType<typeof recordsPage>>[number];

/** Entries of volunteers' wallets, placed by the volunteer's region. */
export async function pointEntriesPage(db: Db, f: ExportFilter, after: string, limit: number) {
  let q = db
    .selectFrom('point_entries as e')
    .innerJoin('point_accounts as acc', 'acc.id', 'e.account_id')
    .innerJoin('point_transactions as t', 't.id', 'e.transaction_id')
    .innerJoin('volunteers as v', 'v.id', 'acc.owner_id')
    .innerJoin('regions', 'regions.code', 'v.region_code')
    .select([
      'e.id',
      'e.created_at',
      'v.volunteer_code',
      'v.name as volunteer_name',
      'v.region_code',
      'regions.name as region_name',
      't.kind',
      't.source',
      'e.amount',
      'e.balance_after',
      'e.expires_at',
      't.memo',
      't.id as transaction_id',
    ])
    .where('acc.kind', '=', 'wallet')
    .where((eb) => eb.and(conditions(f, { region: 'v.region_code' })))
    .where('e.id', '>', after);
  if (f.entryKind) q = q.where('t.kind', '=', f.entryKind as never);
  if (f.fromAt) q = q.where('e.created_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('e.created_at', '<', f.toAt);
  return q.orderBy('e.id').limit(limit).execute();
}
export type PointEntryExportRow = Awaited<ReturnType<typeof pointEntriesPage>>[number];

/** Service field names in both languages, by code. */
export async function fieldNames(db: Db): Promise<Map<string, { zh: string; en: string }>> {
  const rows = await db.selectFrom('service_fields').select(['code', 'name_zh', 'name_en']).execute();
  return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

/** The language the caller chose for their account. */
export async function localeOfUser(db: Db, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst())?.locale;
}
