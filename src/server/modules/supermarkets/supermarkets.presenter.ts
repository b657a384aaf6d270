import type { Goods, StockMovement } from '../../../common/contract/supermarkets.js';
import type { GoodsTable, StockMovementsTable } from '../../db/schema.js';

/** Goods as the API shows them; the stock figure only to the supermarket's staff. */
export function presentGoods(g: GoodsTable, staff: boolean): Goods {
  return {
    id: g.id,
    siteId: g.site_id,
    name: g.name,
    points: g.points,
    stock: staff ? g.stock : null,
    available: g.active === 1 && g.stock > 0,
    limitPerPerson: g.limit_per_person,
    limitPeriod: g.limit_period,
    donor: g.donor,
    imageUrl: g.image_url,
    active: g.active === 1,
    createdAt: g.created_at,
    updatedAt: g.updated_at,
  };
}

export function presentMovement(m: StockMovementsTable): StockMovement {
  return {
    id: m.id,
    goodsId: m.goods_id,
    delta: m.delta,
    kind: m.kind,
    reason: m.reason,
    redemptionId: m.redemption_id,
    stockAfter: m.stock_after,
    at: m.created_at,
  };
}

/**
 * A name as a counter screen may show it: the first and last characters, the rest starred
 * (陈小美 → 陈*美, 李雷 → 李*), so a queue behind the volunteer learns little.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
