import type { Db } from '../../db/database.js';
import type { NeedEventsTable, NeedStatus, NeedsTable } from '../../db/schema.js';

export async function needTypes(db: Db) {
  return db
    .selectFrom('need_types')
    .select(['code', 'name_zh', 'name_en'])
    .where('active', '=', 1)
    .orderBy('sort')
    .execute();
}

export async function needTypeExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('need_types')
    .select('code')
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertNeed(db: Db, row: NeedsTable): Promise<void> {
  await db.insertInto('needs').values(row).execute();
}

export async function insertEvent(db: Db, row: NeedEventsTable): Promise<void> {
  await db.insertInto('need_events').values(row).execute();
}

const NEED_COLUMNS = [
  'n.id',
  'n.resident_user_id',
  'n.type',
  'n.text',
  'n.region_code',
  'r.name as region_name',
  'n.address_enc',
  'n.position_enc',
  'n.contact_enc',
  'n.contact_masked',
  'n.wanted_at',
  'n.risk_accepted',
  'n.status',
  'n.organisation_id',
  'o.name as organisation_name',
  'n.activity_id',
  'n.taker_volunteer_id',
  'n.reason',
  'n.report',
  'n.score',
  'n.comment',
  'n.created_at',
] as const;

const needs = (db: Db) =>
  db
    .selectFrom('needs as n')
    .innerJoin('regions as r', 'r.code', 'n.region_code')
    .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select(NEED_COLUMNS);

export type NeedRow = Awaited<ReturnType<typeof needById>> & {};

export async function needById(db: Db, id: string) {
  return needs(db).where('n.id', '=', id).executeTakeFirst();
}

/** The need, locked for a step on PostgreSQL (SQLite's one writer holds it already). */
export async function statusOf(db: Db, id: string): Promise<NeedStatus | undefined> {
  const row = await db.selectFrom('needs').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

/** Moves a need from one of `from` to its next state; false when another step came first. */
export async function advance(
  db: Db,
  id: string,
  from: readonly NeedStatus[],
  set: Partial<Omit<NeedsTable, 'id' | 'resident_user_id' | 'created_at'>> & { status: NeedStatus; updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('needs').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function eventsOf(db: Db, needId: string) {
  return db
    .selectFrom('need_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['e.kind', 'e.at', 'e.details', 'u.display_name as by'])
    .where('e.need_id', '=', needId)
    .orderBy('e.id')
    .execute();
}

type NeedQuery = ReturnType<typeof needs>;

/** A page of needs, newest first, of one status if asked. */
const pageOfNeeds = (q: NeedQuery, status: NeedStatus | undefined, after: string | undefined, limit: number) => {
  let p = q;
  if (status) p = p.where('n.status', '=', status);
  if (after) p = p.where('n.id', '<', after);
  return p
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
};

export async function needsOfResident(
  db: Db,
  userId: string,
  status: NeedStatus | undefined,
  after: string | undefined,
  limit: number,
) {
  const q = needs(db).where('n.resident_user_id', '=', userId);
  return pageOfNeeds(q, status, after, limit);
}

/** Needs in the regions under any of `regions` (all of them for null). */
export async function needsInRegions(
  db: Db,
  regions: string[] | null,
  status: NeedStatus | undefined,
  after: string | undefined,
  limit: number,
) {
  let q = needs(db);
  if (regions !== null) {
    if (regions.length === 0) return [];
    q = q.where('n.region_code', 'in', (eb) =>
      eb.selectFrom('region_closure').select('descendant').where('ancestor', 'in', regions),
    );
  }
  return pageOfNeeds(q, status, after, limit);
}

/** Needs dispatched to the teams the volunteer is an active member of. */
export async function needsOfTeams(
  db: Db,
  volunteerId: string,
  status: NeedStatus | undefined,
  after: string | undefined,
  limit: number,
) {
  const q = needs(db).where('n.organisation_id', 'in', (eb) =>
    eb
      .selectFrom('memberships')
      .select('organisation_id')
      .where('volunteer_id', '=', volunteerId)
      .where('status', '=', 'active'),
  );
  return pageOfNeeds(q, status, after, limit);
}

/** Whether the volunteer is an active member of the organisation. */
export async function isActiveMember(db: Db, organisationId: string, volunteerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** The regions of the sites the caller manages (a site manager reviews the needs of its site's region). */
export async function regionsOfSites(db: Db, siteIds: string[]): Promise<string[]> {
  if (siteIds.length === 0) return [];
  const rows = await db.selectFrom('sites').select('region_code').where('id', 'in', siteIds).execute();
  return [...new Set(rows.map((r) => r.region_code))];
}
