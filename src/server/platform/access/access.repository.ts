import type { Db } from '../../db/database.js';
import type { RoleGrantsTable } from '../../db/schema.js';

export type GrantRow = Pick<RoleGrantsTable, 'role' | 'scope_type' | 'scope_id'>;

export async function grantsOfUser(db: Db, userId: string): Promise<GrantRow[]> {
  return db
    .selectFrom('role_grants')
    .select(['role', 'scope_type', 'scope_id'])
    .where('user_id', '=', userId)
    .execute();
}

/** Whether `code` is one of `ancestors` or lies below one of them. */
export async function regionUnderAny(db: Db, ancestors: string[], code: string): Promise<boolean> {
  if (ancestors.length === 0) return false;
  const row = await db
    .selectFrom('region_closure')
    .select('ancestor')
    .where('descendant', '=', code)
    .where('ancestor', 'in', ancestors)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether organisation `id` is one of `ancestors` or lies below one of them. */
export async function organisationUnderAny(db: Db, ancestors: string[], id: string): Promise<boolean> {
  if (ancestors.length === 0) return false;
  const row = await db
    .selectFrom('organisation_closure')
    .select('ancestor')
    .where('descendant', '=', id)
    .where('ancestor', 'in', ancestors)
    .executeTakeFirst();
  return row !== undefined;
}

export async function organisationScopeFacts(db: Db, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'region_code', 'department_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function siteScopeFacts(db: Db, id: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'region_code', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function volunteerScopeFacts(db: Db, id: string) {
  const v = await db
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'region_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v) return undefined;
  const orgs = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('volunteer_id', '=', id)
    .where('status', '=', 'active')
    .execute();
  return { ...v, organisationIds: orgs.map((o) => o.organisation_id) };
}

/** Whether any of `orgIds` lies under one of `ancestors`. */
/** Which of `ancestors` hold at least one of `orgIds` in their subtree. */
export async function organisationsHolding(db: Db, ancestors: string[], orgIds: string[]): Promise<string[]> {
  if (ancestors.length === 0 || orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisation_closure')
    .select('ancestor')
    .distinct()
    .where('descendant', 'in', orgIds)
    .where('ancestor', 'in', ancestors)
    .execute();
  return rows.map((r) => r.ancestor);
}
