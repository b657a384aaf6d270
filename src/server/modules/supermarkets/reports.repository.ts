import { toNumber, type Db } from '../../db/database.js';

/** Redemptions made in [start, end) by status: how many and their points. */
export async function redemptionTotals(db: Db, siteId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('redemptions')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('points')])
    .where('site_id', '=', siteId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: toNumber(r.n), points: toNumber(r.points) }));
}

/** Units and points per goods of the redemptions made in [start, end) that still stand. */
export async function redeemedPerGoods(db: Db, siteId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('redemption_items as i')
    .innerJoin('redemptions as r', 'r.id', 'i.redemption_id')
    .select((eb) => [
      'i.goods_id',
      eb.fn.sum<number>('i.qty').as('qty'),
      eb.fn.sum<number>(eb('i.qty', '*', eb.ref('i.points_each'))).as('points'),
    ])
    .where('r.site_id', '=', siteId)
    .where('r.status', '=', 'completed')
    .where('r.created_at', '>=', start)
    .where('r.created_at', '<', end)
    .groupBy('i.goods_id')
    .execute();
  return rows.map((r) => ({ goodsId: r.goods_id, qty: toNumber(r.qty), points: toNumber(r.points) }));
}

/** Stock put in or taken out by hand (not by redemptions) in [start, end), per goods and kind. */
export async function manualMovements(db: Db, siteId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('stock_movements')
    .select((eb) => ['goods_id', 'kind', eb.fn.sum<number>('delta').as('delta')])
    .where('site_id', '=', siteId)
    .where('kind', 'in', ['initial', 'in', 'out'])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy(['goods_id', 'kind'])
    .execute();
  return rows.map((r) => ({ goodsId: r.goods_id, kind: r.kind, delta: toNumber(r.delta) }));
}

export async function goodsNames(db: Db, siteId: string) {
  return db.selectFrom('goods').select(['id', 'name']).where('site_id', '=', siteId).orderBy('id').execute();
}
