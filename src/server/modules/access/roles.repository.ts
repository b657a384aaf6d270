import type { Role, ScopeType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { insertMany } from '../../platform/db.js';

export interface GrantInput {
  userId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  grantedBy: string | null;
}

const grantRow = (g: GrantInput, at: string) => ({
  id: newId(),
  user_id: g.userId,
  role: g.role,
  scope_type: g.scopeType,
  scope_id: g.scopeId,
  granted_by: g.grantedBy,
  created_at: at,
});

export async function insertGrant(db: Db, g: GrantInput) {
  const row = grantRow(g, nowIso());
  await db.insertInto('role_grants').values(row).execute();
  return row;
}

/** Many grants in one statement (a batch of imported volunteers). */
export async function insertGrants(db: Db, gs: readonly GrantInput[]): Promise<void> {
  if (gs.length === 0) return;
  const at = nowIso();
  await insertMany(
    db,
    'role_grants',
    gs.map((g) => grantRow(g, at)),
  );
}

export async function findGrant(db: Db, g: Omit<GrantInput, 'grantedBy'>) {
  return db
    .selectFrom('role_grants')
    .selectAll()
    .where('user_id', '=', g.userId)
    .where('role', '=', g.role)
    .where('scope_type', '=', g.scopeType)
    .where('scope_id', '=', g.scopeId)
    .executeTakeFirst();
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}

export async function grantsOf(db: Db, userId: string) {
  return db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}

export async function grantById(db: Db, id: string) {
  return db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Where a user stands, for reading their grants: their volunteer id (if they are one) and
 * their region — the volunteer's, else the account's.
 */
export async function personScopeFacts(db: Db, userId: string) {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('volunteers as v', 'v.user_id', 'u.id')
    .select(['u.id', 'u.region_code as user_region', 'v.id as volunteer_id', 'v.region_code as volunteer_region'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { volunteerId: row.volunteer_id, regionCode: row.volunteer_region ?? row.user_region };
}
