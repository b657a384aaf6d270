import type { Insertable } from 'kysely';
import type { PointRuleScopeType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { PointRulesTable } from '../../db/schema.js';

export type RuleRow = PointRulesTable;

export async function insertRule(db: Db, row: Insertable<PointRulesTable>): Promise<void> {
  await db.insertInto('point_rules').values(row).execute();
}

export async function ruleById(db: Db, id: string): Promise<RuleRow | undefined> {
  return db.selectFrom('point_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rules of the given scopes (or all), newest first. */
export async function listRules(db: Db, f: { scopeType?: PointRuleScopeType; scopeId?: string }): Promise<RuleRow[]> {
  let q = db.selectFrom('point_rules').selectAll();
  if (f.scopeType) q = q.where('scope_type', '=', f.scopeType);
  if (f.scopeId) q = q.where('scope_id', '=', f.scopeId);
  return q.orderBy('id', 'desc').limit(200).execute();
}

/**
 * Rules scoped to the organisation or one of its ancestors, nearest first (then newest);
 * `departmentId` — the supervising department, which may sit outside the parent chain —
 * counts as the farthest of them.
 */
export async function organisationRules(db: Db, organisationId: string, departmentId: string | null) {
  const chain = await db
    .selectFrom('point_rules as r')
    .innerJoin('organisation_closure as c', 'c.ancestor', 'r.scope_id')
    .selectAll('r')
    .select('c.depth')
    .where('r.scope_type', '=', 'organisation')
    .where('c.descendant', '=', organisationId)
    .orderBy('c.depth')
    .orderBy('r.id', 'desc')
    .execute();
  if (chain.length > 0 || !departmentId) return chain;
  return db
    .selectFrom('point_rules')
    .selectAll()
    .select((eb) => eb.val(0).as('depth'))
    .where('scope_type', '=', 'organisation')
    .where('scope_id', '=', departmentId)
    .orderBy('id', 'desc')
    .execute();
}

/** Rules scoped to the region or one containing it, nearest first (then newest). */
export async function regionRules(db: Db, regionCode: string) {
  return db
    .selectFrom('point_rules as r')
    .innerJoin('region_closure as c', 'c.ancestor', 'r.scope_id')
    .selectAll('r')
    .select('c.depth')
    .where('r.scope_type', '=', 'region')
    .where('c.descendant', '=', regionCode)
    .orderBy('c.depth')
    .orderBy('r.id', 'desc')
    .execute();
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}
