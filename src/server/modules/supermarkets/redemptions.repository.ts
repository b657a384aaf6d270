import type { Insertable, Transaction } from 'kysely';
import { toNumber, type Db } from '../../db/database.js';
import type { DB, RedemptionItemsTable, RedemptionsTable } from '../../db/schema.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

export async function redemptionByKey(db: Db, siteId: string, key: string): Promise<RedemptionsTable | undefined> {
  return db
    .selectFrom('redemptions')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function receiptNoTaken(db: Db, receiptNo: string): Promise<boolean> {
  return !!(await db.selectFrom('redemptions').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst());
}

export async function redemptionById(db: Db, id: string): Promise<RedemptionsTable | undefined> {
  return db.selectFrom('redemptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a redemption row on PostgreSQL before it is reversed; SQLite has one writer anyway. */
export async function lockRedemption(trx: Transaction<DB>, id: string): Promise<RedemptionsTable | undefined> {
  const q = trx.selectFrom('redemptions').selectAll().where('id', '=', id);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

export async function itemsOf(db: Db, redemptionIds: string[]) {
  if (redemptionIds.length === 0) return [];
  return db
    .selectFrom('redemption_items as i')
    .innerJoin('goods as g', 'g.id', 'i.goods_id')
    .select(['i.redemption_id', 'i.goods_id', 'g.name', 'i.qty', 'i.points_each'])
    .where('i.redemption_id', 'in', redemptionIds)
    .orderBy('i.id')
    .execute();
}

export async function insertRedemption(
  db: Db,
  row: Insertable<RedemptionsTable>,
  items: Insertable<RedemptionItemsTable>[],
): Promise<void> {
  await db.insertInto('redemptions').values(row).execute();
  await db.insertInto('redemption_items').values(items).execute();
}

/**
 * How many of one goods a volunteer has taken since `since` (null: ever), counting only
 * redemptions that stand — a reversed one gave the goods back.
 */
export async function redeemedQty(db: Db, volunteerId: string, goodsId: string, since: string | null): Promise<number> {
  let q = db
    .selectFrom('redemption_items as i')
    .innerJoin('redemptions as r', 'r.id', 'i.redemption_id')
    .select((eb) => eb.fn.sum<number>('i.qty').as('n'))
    .where('r.volunteer_id', '=', volunteerId)
    .where('i.goods_id', '=', goodsId)
    .where('r.status', '=', 'completed');
  if (since) q = q.where('r.created_at', '>=', since);
  return toNumber((await q.executeTakeFirst())?.n);
}

export async function markReversed(
  db: Db,
  id: string,
  p: { at: string; by: string; reason: string; transactionId: string },
): Promise<void> {
  await db
    .updateTable('redemptions')
    .set({
      status: 'reversed',
      reversed_at: p.at,
      reversed_by: p.by,
      reverse_reason: p.reason,
      reversal_transaction_id: p.transactionId,
    })
    .where('id', '=', id)
    .execute();
}

export interface RedemptionFilter {
  id?: string;
  siteId?: string;
  volunteerId?: string;
  start?: string | null;
  end?: string | null;
  /** Keyset: ids below this one (newest first). */
  before?: string | null;
  limit?: number;
}

/** Redemptions newest first, with the volunteer's code and name and the site's name. */
export async function listRedemptions(db: Db, f: RedemptionFilter) {
  let q = db
    .selectFrom('redemptions as r')
    .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.site_id',
      's.name as site_name',
      'v.volunteer_code',
      'v.name as volunteer_name',
      'r.points',
      'r.balance_after',
      'r.status',
      'r.created_at',
      'r.reversed_at',
      'r.reverse_reason',
      'r.clerk_user_id',
      'r.receipt_no',
    ]);
  if (f.id) q = q.where('r.id', '=', f.id);
  if (f.siteId) q = q.where('r.site_id', '=', f.siteId);
  if (f.volunteerId) q = q.where('r.volunteer_id', '=', f.volunteerId);
  if (f.start) q = q.where('r.created_at', '>=', f.start);
  if (f.end) q = q.where('r.created_at', '<', f.end);
  if (f.before) q = q.where('r.id', '<', f.before);
  q = q.orderBy('r.id', 'desc');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}
export type RedemptionListRow = Awaited<ReturnType<typeof listRedemptions>>[number];

export async function volunteerForCounter(db: Db, id: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'name', 'volunteer_code', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function goodsForExport(db: Db, siteId: string) {
  return db
    .selectFrom('goods')
    .select(['id', 'name', 'points', 'stock', 'active', 'donor'])
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
}
