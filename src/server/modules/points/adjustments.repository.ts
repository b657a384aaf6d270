import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB, PointAdjustmentsTable } from '../../db/schema.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

/** Queries of point_adjustments: an admin's adjustment requests and their decisions. */

export type AdjustmentRow = PointAdjustmentsTable;

/**
 * Records a request unless its issuer already used the key: true when written. On
 * PostgreSQL a concurrent first use of the same key waits here until that one ends.
 */
export async function insertAdjustment(trx: Transaction<DB>, row: AdjustmentRow): Promise<boolean> {
  const r = await trx
    .insertInto('point_adjustments')
    .values(row)
    .onConflict((oc) => oc.columns(['requested_by', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function adjustmentByKey(db: Db, requestedBy: string, key: string): Promise<AdjustmentRow | undefined> {
  return db
    .selectFrom('point_adjustments')
    .selectAll()
    .where('requested_by', '=', requestedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Reads an adjustment, locking it on PostgreSQL so that two decisions on it take turns. */
export async function lockAdjustment(trx: Transaction<DB>, id: string): Promise<AdjustmentRow | undefined> {
  return forUpdateOnPostgres(
    trx,
    trx.selectFrom('point_adjustments').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export async function decideAdjustment(
  trx: Transaction<DB>,
  id: string,
  d: Pick<AdjustmentRow, 'status' | 'decided_by' | 'decided_at' | 'decision_note' | 'transaction_id'>,
): Promise<void> {
  await trx.updateTable('point_adjustments').set(d).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function setTransaction(trx: Transaction<DB>, id: string, transactionId: string): Promise<void> {
  await trx.updateTable('point_adjustments').set({ transaction_id: transactionId }).where('id', '=', id).execute();
}

/** The deepest of `grants` at or above region `code`: the grant an admin acts through there. */
export async function narrowestGrantOver(db: Db, grants: string[], code: string): Promise<string | null> {
  if (grants.length === 0) return null;
  const row = await db
    .selectFrom('region_closure')
    .select('ancestor')
    .where('descendant', '=', code)
    .where('ancestor', 'in', grants)
    .orderBy('depth', 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.ancestor ?? null;
}

/** Which of `codes` lie at or under one of `grants`. */
export async function regionsUnder(db: Db, grants: string[], codes: string[]): Promise<Set<string>> {
  if (grants.length === 0 || codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('region_closure')
    .select('descendant')
    .distinct()
    .where('ancestor', 'in', grants)
    .where('descendant', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.descendant));
}

export interface AdjustmentListFilter {
  status: AdjustmentRow['status'];
  /** Region grants whose regions' adjustments to list; null: all (a system admin). */
  regions: string[] | null;
  after: { at: string; id: string } | null;
  limit: number;
}

/** Adjustments with their volunteer's name and code and the asker's name. */
const withNames = (db: Db) =>
  db
    .selectFrom('point_adjustments as a')
    .innerJoin('volunteers as v', 'v.id', 'a.volunteer_id')
    .leftJoin('users as u', 'u.id', 'a.requested_by')
    .selectAll('a')
    .select(['v.name as volunteer_name', 'v.volunteer_code', 'u.display_name as requested_by_name']);

/** Adjustments oldest first (the order approvers work in). */
export async function listAdjustments(db: Db, f: AdjustmentListFilter) {
  let q = withNames(db).where('a.status', '=', f.status);
  if (f.regions !== null) {
    const regions = f.regions;
    q = q.where('a.region_code', 'in', (eb) =>
      eb.selectFrom('region_closure').select('descendant').where('ancestor', 'in', regions),
    );
  }
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('a.created_at', '>', at), eb.and([eb('a.created_at', '=', at), eb('a.id', '>', id)])]),
    );
  }
  return q.orderBy('a.created_at').orderBy('a.id').limit(f.limit).execute();
}

export type AdjustmentListRow = Awaited<ReturnType<typeof listAdjustments>>[number];

export async function adjustmentView(db: Db, id: string): Promise<AdjustmentListRow | undefined> {
  return withNames(db).where('a.id', '=', id).executeTakeFirst();
}
