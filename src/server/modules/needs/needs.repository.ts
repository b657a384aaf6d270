import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NeedEventKind, NeedEventsTable, NeedStatus, NeedsTable } from '../../db/schema.js';

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
  'n.due_at',
  'n.photo_ids',
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

/** What a list of needs is narrowed to and sorted by, and where its page starts. */
export interface NeedFilter {
  status?: NeedStatus | undefined;
  /** Only needs whose current step was due before this instant. */
  overdueAt?: string | undefined;
  /** `due`: the earliest due first, needs with nothing due last; else newest first. */
  sort?: 'newest' | 'due' | undefined;
  after?: { id: string; due?: string | undefined } | undefined;
  limit: number;
}

/** Sorts needs with nothing due after every due one. */
export const NOTHING_DUE = '9999-12-31T23:59:59.999Z';

/** A page of needs, newest first (or by due time), of one status if asked. */
const pageOfNeeds = (q: NeedQuery, f: NeedFilter) => {
  let p = q;
  if (f.status) p = p.where('n.status', '=', f.status);
  if (f.overdueAt) p = p.where('n.due_at', '<', f.overdueAt);
  if (f.sort === 'due') {
    const due = sql<string>`coalesce(n.due_at, ${NOTHING_DUE})`;
    const after = f.after;
    if (after) {
      const at = after.due ?? NOTHING_DUE;
      p = p.where((eb) => eb.or([eb(due, '>', at), eb.and([eb(due, '=', at), eb('n.id', '<', after.id)])]));
    }
    return p
      .orderBy(due)
      .orderBy('n.id', 'desc')
      .limit(f.limit + 1)
      .execute();
  }
  if (f.after) p = p.where('n.id', '<', f.after.id);
  return p
    .orderBy('n.id', 'desc')
    .limit(f.limit + 1)
    .execute();
};

export async function needsOfResident(db: Db, userId: string, f: NeedFilter) {
  const q = needs(db).where('n.resident_user_id', '=', userId);
  return pageOfNeeds(q, f);
}

/** Needs in the regions under any of `regions` (all of them for null). */
export async function needsInRegions(db: Db, regions: string[] | null, f: NeedFilter) {
  let q = needs(db);
  if (regions !== null) {
    if (regions.length === 0) return [];
    q = q.where('n.region_code', 'in', (eb) =>
      eb.selectFrom('region_closure').select('descendant').where('ancestor', 'in', regions),
    );
  }
  return pageOfNeeds(q, f);
}

/** Needs in the regions under any of `regions` (all for null) still on their way: awaiting review, open, overdue. */
export async function countOpenNeedsInRegions(db: Db, regions: string[] | null, now: string) {
  if (regions !== null && regions.length === 0) return { toReview: 0, open: 0, overdue: 0 };
  let q = db
    .selectFrom('needs as n')
    .select((eb) => [
      eb.fn.sum<number>(sql`case when n.status = 'posted' then 1 else 0 end`).as('to_review'),
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(sql`case when n.due_at < ${now} then 1 else 0 end`).as('overdue'),
    ])
    .where('n.status', 'in', ['posted', 'accepted', 'dispatched', 'taken']);
  if (regions !== null)
    q = q.where('n.region_code', 'in', (eb) =>
      eb.selectFrom('region_closure').select('descendant').where('ancestor', 'in', regions),
    );
  const r = await q.executeTakeFirst();
  return { toReview: Number(r?.to_review ?? 0), open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0) };
}

/** Needs dispatched to the teams the volunteer is an active member of. */
export async function needsOfTeams(db: Db, volunteerId: string, f: NeedFilter) {
  const q = needs(db).where('n.organisation_id', 'in', (eb) =>
    eb
      .selectFrom('memberships')
      .select('organisation_id')
      .where('volunteer_id', '=', volunteerId)
      .where('status', '=', 'active'),
  );
  return pageOfNeeds(q, f);
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

/** Of the sites given, the one nearest above (or at) a region: the site that handles a need there. */
export async function siteCovering(db: Db, siteIds: string[], regionCode: string): Promise<string | undefined> {
  if (siteIds.length === 0) return undefined;
  const row = await db
    .selectFrom('sites as s')
    .innerJoin('region_closure as c', 'c.ancestor', 's.region_code')
    .select('s.id')
    .where('s.id', 'in', siteIds)
    .where('c.descendant', '=', regionCode)
    .orderBy('c.depth')
    .orderBy('s.id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Who reviews a region's needs: the region admins over it and the managers of sites in it or
 * above it (the system admins see every board but are not told of each need).
 */
export async function reviewersOf(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .select('g.user_id')
    .distinct()
    .where((eb) => {
      const above = eb.selectFrom('region_closure').select('ancestor').where('descendant', '=', regionCode);
      const sites = eb.selectFrom('sites').select('id').where('region_code', 'in', above);
      return eb.or([
        eb.and([eb('g.role', '=', 'region_admin'), eb('g.scope_type', '=', 'region'), eb('g.scope_id', 'in', above)]),
        eb.and([eb('g.role', '=', 'site_manager'), eb('g.scope_type', '=', 'site'), eb('g.scope_id', 'in', sites)]),
      ]);
    })
    .orderBy('g.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The users of a team's active members. */
export async function memberUsersOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
    .select('v.user_id')
    .where('m.organisation_id', '=', organisationId)
    .where('m.status', '=', 'active')
    .orderBy('v.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The account of a volunteer (a need's taker), to tell them. */
export async function userOfVolunteer(db: Db, volunteerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('volunteers').select('user_id').where('id', '=', volunteerId).executeTakeFirst();
  return row?.user_id;
}

export async function needTypeNames(db: Db, code: string) {
  return db.selectFrom('need_types').select(['name_zh', 'name_en']).where('code', '=', code).executeTakeFirst();
}

export async function hasEvent(db: Db, needId: string, kind: NeedEventKind): Promise<boolean> {
  const row = await db
    .selectFrom('need_events')
    .select('id')
    .where('need_id', '=', needId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}
