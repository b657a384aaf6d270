import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB, GoodsTable, SitesTable, StockMovementsTable } from '../../db/schema.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

export async function siteById(db: Db, id: string): Promise<SitesTable | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGoods(db: Db, row: Insertable<GoodsTable>): Promise<void> {
  await db.insertInto('goods').values(row).execute();
}

export async function goodsById(db: Db, siteId: string, id: string): Promise<GoodsTable | undefined> {
  return db.selectFrom('goods').selectAll().where('id', '=', id).where('site_id', '=', siteId).executeTakeFirst();
}

/** A supermarket's goods in creation order; only the active ones when asked. */
export async function goodsOfSite(db: Db, siteId: string, activeOnly: boolean): Promise<GoodsTable[]> {
  let q = db.selectFrom('goods').selectAll().where('site_id', '=', siteId);
  if (activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('id').execute();
}

export async function updateGoods(db: Db, id: string, patch: Updateable<GoodsTable>): Promise<void> {
  await db.updateTable('goods').set(patch).where('id', '=', id).execute();
}

/**
 * The goods rows of one supermarket, locked until commit on PostgreSQL, always in id order
 * so two counters taking overlapping goods cannot deadlock. SQLite has one writer at a time.
 */
export async function lockGoods(trx: Transaction<DB>, siteId: string, ids: string[]): Promise<GoodsTable[]> {
  if (ids.length === 0) return [];
  const sorted = [...new Set(ids)].sort();
  const q = trx.selectFrom('goods').selectAll().where('site_id', '=', siteId).where('id', 'in', sorted).orderBy('id');
  return forUpdateOnPostgres(trx, q).execute();
}

/** Sets the cached stock; only ever called next to the movement that explains the change. */
export async function setStock(db: Db, id: string, stock: number, at: string): Promise<void> {
  await db.updateTable('goods').set({ stock, updated_at: at }).where('id', '=', id).execute();
}

export async function insertMovements(db: Db, rows: Insertable<StockMovementsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('stock_movements').values(rows).execute();
}

/** Movements of a supermarket in a time range, oldest first, with the goods' name. */
export async function movementsOfSite(db: Db, siteId: string, start: string | null, end: string | null) {
  let q = db
    .selectFrom('stock_movements as m')
    .innerJoin('goods as g', 'g.id', 'm.goods_id')
    .select([
      'm.id',
      'm.goods_id',
      'g.name as goods_name',
      'm.delta',
      'm.kind',
      'm.reason',
      'm.redemption_id',
      'm.stock_after',
      'm.created_at',
    ])
    .where('m.site_id', '=', siteId);
  if (start) q = q.where('m.created_at', '>=', start);
  if (end) q = q.where('m.created_at', '<', end);
  return q.orderBy('m.created_at').orderBy('m.id').execute();
}

/** One goods' movements, newest first, below a keyset id. */
export async function movementsOfGoods(
  db: Db,
  goodsId: string,
  before: string | undefined,
  limit: number,
): Promise<StockMovementsTable[]> {
  let q = db.selectFrom('stock_movements').selectAll().where('goods_id', '=', goodsId);
  if (before) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
