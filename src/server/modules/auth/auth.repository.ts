import { sql, type Insertable } from 'kysely';
import { compiledQuery } from '../../platform/compiled.js';
import { insertMany, isPostgres } from '../../platform/db.js';
import type { Db } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';
import type { GrantRow } from '../../platform/access/access.repository.js';

/**
 * The caller's grants (as JSON) and volunteer id, selected beside the session or token that
 * names them: who is calling is one round trip, not three.
 */
export const callerColumns = (db: Db) => [
  (isPostgres(db)
    ? sql<string>`(select coalesce(json_agg(json_build_object('role', g.role, 'scope_type', g.scope_type, 'scope_id', g.scope_id)), '[]'::json)::text from role_grants g where g.user_id = users.id)`
    : sql<string>`(select json_group_array(json_object('role', g.role, 'scope_type', g.scope_type, 'scope_id', g.scope_id)) from role_grants g where g.user_id = users.id)`
  ).as('grants'),
  sql<string | null>`(select v.id from volunteers v where v.user_id = users.id)`.as('volunteer_id'),
];

export const callerOf = <R extends { grants: string }>(r: R | undefined) =>
  r && { ...r, grants: JSON.parse(r.grants) as GrantRow[] };

/**
 * The unexpired session `id` names, with its user's grants and volunteer id, and when it was
 * last used (the caller judges the idle timeout, which depends on the grants).
 */
export async function findSession(db: Db, id: string, now: string) {
  return callerOf((await sessionById(db, id, now)).rows[0]);
}

const sessionById = compiledQuery((db, id: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      ...callerColumns(db),
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.status', '=', 'active'),
);

export async function insertSession(
  db: Db,
  row: {
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

type UserRow = Pick<UsersTable, 'id' | 'username' | 'display_name' | 'password_hash' | 'status' | 'locale'>;

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.password_hash',
  'users.status',
  'users.locale',
] as const;

export async function userByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('username', '=', username).executeTakeFirst();
}

export async function userByPhoneHash(db: Db, hash: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('phone_hash', '=', hash).executeTakeFirst();
}

export async function userByVolunteerCode(db: Db, code: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select(userColumns)
    .where('volunteers.volunteer_code', '=', code)
    .executeTakeFirst();
}

export async function userById(db: Db, id: string) {
  return db
    .selectFrom('users')
    .leftJoin('volunteers', 'volunteers.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.phone_masked',
      'users.locale',
      'users.region_code',
      'users.status',
      'volunteers.id as volunteer_id',
      'volunteers.volunteer_code',
    ])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Many users in one statement (a batch of an import). */
export async function insertUsers(db: Db, rows: Insertable<UsersTable>[]): Promise<void> {
  await insertMany(db, 'users', rows);
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function userIdByPhoneHash(db: Db, hash: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('phone_hash', '=', hash).executeTakeFirst())?.id;
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst())
    ?.password_hash;
}

/**
 * A new password ends the user's sessions (all, or all but the one in use) and revokes every
 * API token: whoever held the old password holds nothing after.
 */
export async function replacePassword(
  db: Db,
  userId: string,
  passwordHash: string,
  at: string,
  keepSessionId: string | null = null,
): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
