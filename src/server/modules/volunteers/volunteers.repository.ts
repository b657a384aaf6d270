import { sql, type Insertable } from 'kysely';
import type { VolunteerStatus } from '../../../common/contract/volunteers.js';
import type { Gender, IdType } from '../../../common/enums.js';
import { toNumber, type Db } from '../../db/database.js';
import type { UsersTable, VolunteersTable } from '../../db/schema.js';
import { inByteOrder, insertMany, isPostgres, startsWith } from '../../platform/db.js';

/** A volunteer row with the masked phone of its user: everything an answer may show. */
export interface VolunteerRow {
  id: string;
  user_id: string;
  volunteer_code: string;
  name: string;
  id_type: IdType;
  id_number_masked: string;
  birth_year: number | null;
  gender: Gender | null;
  region_code: string;
  skills: string;
  fields: string;
  availability: string;
  status: VolunteerStatus;
  registered_at: string;
  /** Confirmed service in minutes and the star level: caches kept by the records module. */
  confirmed_minutes: number;
  star_level: number;
  phone_masked: string | null;
  /** The points wallet's cached balance (null before its first use). */
  points_balance?: number | string | null;
}

// Never the encrypted columns or the hashes: what leaves this file is safe to present.
const columns = [
  'volunteers.id',
  'volunteers.user_id',
  'volunteers.volunteer_code',
  'volunteers.name',
  'volunteers.id_type',
  'volunteers.id_number_masked',
  'volunteers.birth_year',
  'volunteers.gender',
  'volunteers.region_code',
  'volunteers.skills',
  'volunteers.fields',
  'volunteers.availability',
  'volunteers.status',
  'volunteers.registered_at',
  'volunteers.confirmed_minutes',
  'volunteers.star_level',
  'users.phone_masked',
  sql<number | null>`(select balance from point_accounts where kind = 'wallet' and owner_id = volunteers.id)`.as(
    'points_balance',
  ),
] as const;

export async function insertVolunteer(db: Db, row: Insertable<VolunteersTable>): Promise<void> {
  await db.insertInto('volunteers').values(row).execute();
}

export async function volunteerById(db: Db, id: string): Promise<VolunteerRow | undefined> {
  return db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select(columns)
    .where('volunteers.id', '=', id)
    .executeTakeFirst();
}

/** The masked phone of the account that holds this ID number, if any. */
export async function accountPhoneOfId(db: Db, hash: string): Promise<string | null | undefined> {
  const r = await db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select('users.phone_masked')
    .where('volunteers.id_number_hash', '=', hash)
    .executeTakeFirst();
  return r === undefined ? undefined : r.phone_masked;
}

/** The volunteers holding any of these ID-number hashes (one per kind of document a number may be). */
export async function volunteerIdsByIdHashes(db: Db, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db.selectFrom('volunteers').select('id').where('id_number_hash', 'in', hashes).execute();
  return rows.map((r) => r.id);
}

export async function idNumberTaken(db: Db, hash: string): Promise<boolean> {
  const r = await db.selectFrom('volunteers').select('id').where('id_number_hash', '=', hash).executeTakeFirst();
  return r !== undefined;
}

/** Whether another user than `exceptUserId` has this phone hash. */
export async function phoneTaken(db: Db, hash: string, exceptUserId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('phone_hash', '=', hash);
  if (exceptUserId) q = q.where('id', '<>', exceptUserId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** What a batch of registrations could clash with: which of its ID hashes, phones and codes are held. */
export interface TakenAmong {
  /** Of the regions asked about, those that exist. */
  regions: Set<string>;
  idHashes: Set<string>;
  phoneHashes: Set<string>;
  codes: Set<string>;
}

/**
 * Which of these regions exist, which ID-number hashes a volunteer holds, which phone hashes an
 * account holds and which volunteer codes are given out: a register's batch checked in one
 * statement, not four.
 */
export async function takenAmong(
  db: Db,
  of: {
    regions: readonly string[];
    idHashes: readonly string[];
    phoneHashes: readonly string[];
    codes: readonly string[];
  },
): Promise<TakenAmong> {
  const taken: TakenAmong = { regions: new Set(), idHashes: new Set(), phoneHashes: new Set(), codes: new Set() };
  if (of.regions.length + of.idHashes.length + of.phoneHashes.length + of.codes.length === 0) return taken;
  const rows = isPostgres(db) ? await takenOnPostgres(db, of) : await takenOnSqlite(db, of);
  const sets = { region: taken.regions, id: taken.idHashes, phone: taken.phoneHashes, code: taken.codes };
  for (const r of rows) sets[r.kind as keyof typeof sets].add(r.value);
  return taken;
}

/**
 * PostgreSQL: each value looked up on its own in its unique index (a subquery per value). The
 * plain `= any(...)` lets the planner, misled by statistics that lag behind a growing import,
 * pick a parallel plan with a sequential scan of users: 20 ms a batch instead of 4.
 */
async function takenOnPostgres(db: Db, of: Parameters<typeof takenAmong>[1]) {
  const r = await sql<{ kind: string; value: string }>`select kind, value from (
      select 'region' as kind, (select code from regions where code = x.v) as value
        from unnest(${[...of.regions]}::text[]) as x(v)
      union all
      select 'id', (select id_number_hash from volunteers where id_number_hash = x.v)
        from unnest(${[...of.idHashes]}::text[]) as x(v)
      union all
      select 'phone', (select phone_hash from users where phone_hash = x.v)
        from unnest(${[...of.phoneHashes]}::text[]) as x(v)
      union all
      select 'code', (select volunteer_code from volunteers where volunteer_code = x.v)
        from unnest(${[...of.codes]}::text[]) as x(v)
    ) as found where value is not null`.execute(db);
  return r.rows;
}

/** SQLite: one IN list per kind, in one statement. */
async function takenOnSqlite(db: Db, of: Parameters<typeof takenAmong>[1]) {
  return db
    .selectFrom('regions')
    .select([sql<string>`'region'`.as('kind'), sql<string>`code`.as('value')])
    .where('code', 'in', [...of.regions])
    .unionAll(
      db
        .selectFrom('volunteers')
        .select([sql<string>`'id'`.as('kind'), sql<string>`id_number_hash`.as('value')])
        .where('id_number_hash', 'in', [...of.idHashes]),
    )
    .unionAll(
      db
        .selectFrom('users')
        .select([sql<string>`'phone'`.as('kind'), sql<string>`phone_hash`.as('value')])
        .where('phone_hash', 'in', [...of.phoneHashes]),
    )
    .unionAll(
      db
        .selectFrom('volunteers')
        .select([sql<string>`'code'`.as('kind'), sql<string>`volunteer_code`.as('value')])
        .where('volunteer_code', 'in', [...of.codes]),
    )
    .execute();
}

/** Which of these volunteer codes are given out. */
export async function volunteerCodesTaken(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('volunteers')
    .select('volunteer_code')
    .where('volunteer_code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.volunteer_code));
}

/** Many volunteers in one statement (the caller keeps a batch within the databases' parameter limits). */
export async function insertVolunteers(db: Db, rows: Insertable<VolunteersTable>[]): Promise<void> {
  await insertMany(db, 'volunteers', rows);
}

export async function volunteerCodeTaken(db: Db, code: string): Promise<boolean> {
  const r = await db.selectFrom('volunteers').select('id').where('volunteer_code', '=', code).executeTakeFirst();
  return r !== undefined;
}

/** The stored password hash, for confirming a sensitive change. */
export async function passwordHashOfUser(db: Db, userId: string): Promise<string | null> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return r?.password_hash ?? null;
}

export async function phoneHashOfUser(db: Db, userId: string): Promise<string | null> {
  const r = await db.selectFrom('users').select('phone_hash').where('id', '=', userId).executeTakeFirst();
  return r?.phone_hash ?? null;
}

/** An organisation's region, for the list's permission check. */
export async function organisationRegion(db: Db, id: string) {
  return db.selectFrom('organisations').select(['id', 'region_code']).where('id', '=', id).executeTakeFirst();
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** Which of `codes` are regions. */
export async function regionsAmong(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Codes of the service fields table, which admins may extend. */
export async function serviceFieldCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('service_fields').select('code').execute()).map((r) => r.code);
}

export type VolunteerPatch = Partial<
  Pick<VolunteersTable, 'region_code' | 'skills' | 'fields' | 'availability' | 'updated_at'>
>;

export async function updateVolunteer(db: Db, id: string, patch: VolunteerPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('volunteers').set(patch).where('id', '=', id).execute();
}

export type UserPatch = Partial<Pick<UsersTable, 'phone_enc' | 'phone_hash' | 'phone_masked' | 'region_code'>>;

export async function updateUser(db: Db, id: string, patch: UserPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export interface VolunteerFilter {
  /** null: every region. */
  regionCode: string | null;
  /** Only active members of this organisation or one under it. */
  organisationId?: string | null;
  /** Names starting with `namePrefix`, or the one volunteer whose code is `code`. */
  search?: { namePrefix: string } | { code: string } | undefined;
  /** The keyed hash of a whole phone number. */
  phoneHash?: string | undefined;
  afterId: string | null;
  limit: number;
}

/** How deep a region lies: 0 the city (the top), 1 its districts, 2 their towns and streets. */
async function regionDepth(db: Db, code: string): Promise<number> {
  const r = await db.selectFrom('regions').select('depth').where('code', '=', code).executeTakeFirst();
  return r ? Number(r.depth) : Number.POSITIVE_INFINITY;
}

/**
 * Volunteers of a region (or everyone) and every region under it, filtered, in id order after
 * `afterId`; a name search in name order (then id) after the volunteer `afterId`.
 */
export async function listVolunteers(db: Db, f: VolunteerFilter): Promise<VolunteerRow[]> {
  let q = db.selectFrom('volunteers').innerJoin('users', 'users.id', 'volunteers.user_id').select(columns);
  const search = f.search;
  const prefix = search && 'namePrefix' in search ? search.namePrefix : '';
  const regionCode = f.regionCode;
  // A name search, or the list of a whole city or district, walks an index in the order asked
  // (the name index, or ids) and checks each row's region: a page reads a page of rows divided
  // by the region's share of the city. A street's list joins its few thousand and sorts them.
  const walk = regionCode !== null && (prefix !== '' || (await regionDepth(db, regionCode)) <= 1);
  if (regionCode !== null && walk) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('region_closure as rc')
          .select('rc.ancestor')
          .whereRef('rc.descendant', '=', 'volunteers.region_code')
          .where('rc.ancestor', '=', regionCode),
      ),
    );
  } else if (regionCode !== null) {
    q = q
      .innerJoin('region_closure', 'region_closure.descendant', 'volunteers.region_code')
      .where('region_closure.ancestor', '=', regionCode);
  }
  const orgId = f.organisationId ?? null;
  if (orgId !== null) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organisation_closure as oc', 'oc.descendant', 'm.organisation_id')
          .select('m.volunteer_id')
          .whereRef('m.volunteer_id', '=', 'volunteers.id')
          .where('m.status', '=', 'active')
          .where('oc.ancestor', '=', orgId),
      ),
    );
  }
  if (prefix) q = q.where(startsWith(db, 'volunteers.name', prefix));
  else if (search && 'code' in search) q = q.where('volunteers.volunteer_code', '=', search.code);
  if (f.phoneHash !== undefined) q = q.where('users.phone_hash', '=', f.phoneHash);
  if (!prefix) {
    if (f.afterId !== null) q = q.where('volunteers.id', '>', f.afterId);
    return q.orderBy('volunteers.id').limit(f.limit).execute();
  }
  // A name search walks the name index in order (name, then id) and stops at a page.
  const name = inByteOrder(db, 'volunteers.name');
  if (f.afterId !== null) {
    const after = await db.selectFrom('volunteers').select('name').where('id', '=', f.afterId).executeTakeFirst();
    if (after) {
      const afterId = f.afterId;
      q = q.where((eb) =>
        eb.or([eb(name, '>', after.name), eb.and([eb(name, '=', after.name), eb('volunteers.id', '>', afterId)])]),
      );
    }
  }
  return q.orderBy(name).orderBy('volunteers.id').limit(f.limit).execute();
}

/** The encrypted ID numbers of some volunteers, for the few age questions the birth year cannot answer. */
export async function encryptedIdsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('volunteers')
    .select(['id', 'id_type', 'id_number_enc'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function volunteerIdOfUser(db: Db, userId: string): Promise<string | undefined> {
  const r = await db.selectFrom('volunteers').select('id').where('user_id', '=', userId).executeTakeFirst();
  return r?.id;
}

/** The caller's volunteer id: read with the session when it was, else looked up. */
export async function volunteerIdOf(
  db: Db,
  actor: { userId: string; volunteerId?: string | null },
): Promise<string | undefined> {
  if (actor.volunteerId !== undefined) return actor.volunteerId ?? undefined;
  return volunteerIdOfUser(db, actor.userId);
}

export async function setSuspendedUntil(db: Db, volunteerId: string, until: string): Promise<void> {
  await db.updateTable('volunteers').set({ signup_suspended_until: until }).where('id', '=', volunteerId).execute();
}

/**
 * Adds `delta` minutes to a volunteer's confirmed total and answers the new total. The
 * UPDATE itself takes the row lock on PostgreSQL, so concurrent confirmations add up.
 */
export async function addConfirmedMinutes(db: Db, volunteerId: string, delta: number): Promise<number> {
  const r = await db
    .updateTable('volunteers')
    .set((eb) => ({ confirmed_minutes: eb('confirmed_minutes', '+', delta) }))
    .where('id', '=', volunteerId)
    .returning('confirmed_minutes')
    .executeTakeFirstOrThrow();
  return toNumber(r.confirmed_minutes);
}

export async function setStarLevel(db: Db, volunteerId: string, level: number): Promise<void> {
  await db.updateTable('volunteers').set({ star_level: level }).where('id', '=', volunteerId).execute();
}
