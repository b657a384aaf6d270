import { VOID_MINUTES, type Redemption } from '../../../common/contract/supermarkets.js';
import type { Db } from '../../db/database.js';
import { itemsOf, type RedemptionListRow } from './redemptions.repository.js';
import { maskName } from './supermarkets.presenter.js';

/** Until when the staff of its counter may void a redemption made at `at`. */
export const voidableUntil = (at: string): string => new Date(Date.parse(at) + VOID_MINUTES * 60_000).toISOString();

/** Redemption rows as the API shows them, with their items (one query for the page). */
export async function presentRedemptions(db: Db, rows: RedemptionListRow[]): Promise<Redemption[]> {
  const items = await itemsOf(
    db,
    rows.map((r) => r.id),
  );
  const byRedemption = new Map<string, Redemption['items']>();
  for (const i of items) {
    const list = byRedemption.get(i.redemption_id) ?? [];
    list.push({ goodsId: i.goods_id, name: i.name, qty: i.qty, points: i.points_each * i.qty });
    byRedemption.set(i.redemption_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    siteName: r.site_name,
    volunteerCode: r.volunteer_code,
    volunteerName: maskName(r.volunteer_name),
    points: r.points,
    balanceAfter: r.balance_after,
    status: r.status,
    items: byRedemption.get(r.id) ?? [],
    at: r.created_at,
    receiptNo: r.receipt_no,
    voidableUntil: voidableUntil(r.created_at),
    reversedAt: r.reversed_at,
    reverseReason: r.reverse_reason,
  }));
}
