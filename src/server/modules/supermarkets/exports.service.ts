import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { streamedWorkbook, type XlsxFile } from '../../platform/xlsx.js';
import { movementsOfSite } from './goods.repository.js';
import { presentRedemptions } from './redemptions.presenter.js';
import * as repo from './redemptions.repository.js';
import { rangeOf } from './reports.service.js';
import { staffedSupermarket } from './supermarkets.access.js';

/** Rows fetched per query while streaming, so a year of redemptions never sits in memory. */
const BATCH = 500;

const span = (from?: string, to?: string) => `${from ?? 'start'}_${to ?? 'now'}`;

/** A supermarket's redemptions as .xlsx: one row per goods line, names masked. */
export async function redemptionsXlsx(
  db: Db,
  actor: Actor,
  siteId: string,
  q: { from?: string; to?: string },
): Promise<XlsxFile> {
  await staffedSupermarket(db, actor, siteId);
  const range = await rangeOf(db, q.from, q.to);
  const stream = streamedWorkbook(async (wb) => {
    const ws = wb.addWorksheet('兑换记录 Redemptions');
    ws.columns = [
      { header: '兑换单号 Redemption', key: 'id', width: 38 },
      { header: '时间 Time (UTC)', key: 'at', width: 26 },
      { header: '志愿者编号 Volunteer code', key: 'code', width: 22 },
      { header: '姓名 Name', key: 'name', width: 12 },
      { header: '商品 Goods', key: 'goods', width: 24 },
      { header: '数量 Qty', key: 'qty', width: 8 },
      { header: '积分 Points', key: 'points', width: 10 },
      { header: '兑换后余额 Balance after', key: 'balance', width: 14 },
      { header: '状态 Status', key: 'status', width: 12 },
      { header: '撤销原因 Reversal reason', key: 'reason', width: 30 },
    ];
    let before: string | undefined;
    for (;;) {
      const rows = await repo.listRedemptions(db, { siteId, ...range, before, limit: BATCH });
      for (const r of await presentRedemptions(db, rows)) {
        for (const i of r.items) {
          ws.addRow({
            id: r.id,
            at: r.at,
            code: r.volunteerCode,
            name: r.volunteerName,
            goods: i.name,
            qty: i.qty,
            points: i.points,
            balance: r.balanceAfter,
            status: r.status,
            reason: r.reverseReason ?? '',
          }).commit();
        }
      }
      if (rows.length < BATCH) break;
      before = rows[rows.length - 1]?.id;
    }
    ws.commit();
  });
  return { stream, filename: `redemptions-${span(q.from, q.to)}.xlsx` };
}

/** Stock as .xlsx: the goods with their current stock, and every movement of the range. */
export async function stockXlsx(
  db: Db,
  actor: Actor,
  siteId: string,
  q: { from?: string; to?: string },
): Promise<XlsxFile> {
  await staffedSupermarket(db, actor, siteId);
  const range = await rangeOf(db, q.from, q.to);
  const stream = streamedWorkbook(async (wb) => {
    const goods = wb.addWorksheet('库存 Stock');
    goods.columns = [
      { header: '商品编号 Goods id', key: 'id', width: 38 },
      { header: '商品 Goods', key: 'name', width: 24 },
      { header: '积分 Points', key: 'points', width: 10 },
      { header: '库存 Stock', key: 'stock', width: 10 },
      { header: '上架 Active', key: 'active', width: 10 },
      { header: '捐赠方 Donor', key: 'donor', width: 20 },
    ];
    for (const g of await repo.goodsForExport(db, siteId)) {
      goods
        .addRow({
          id: g.id,
          name: g.name,
          points: g.points,
          stock: g.stock,
          active: g.active === 1 ? 'yes' : 'no',
          donor: g.donor ?? '',
        })
        .commit();
    }
    goods.commit();
    const moves = wb.addWorksheet('出入库 Movements');
    moves.columns = [
      { header: '时间 Time (UTC)', key: 'at', width: 26 },
      { header: '商品 Goods', key: 'name', width: 24 },
      { header: '类型 Kind', key: 'kind', width: 12 },
      { header: '变动 Delta', key: 'delta', width: 10 },
      { header: '变动后 Stock after', key: 'after', width: 12 },
      { header: '原因 Reason', key: 'reason', width: 30 },
      { header: '兑换单号 Redemption', key: 'redemption', width: 38 },
    ];
    for (const m of await movementsOfSite(db, siteId, range.start, range.end)) {
      moves
        .addRow({
          at: m.created_at,
          name: m.goods_name,
          kind: m.kind,
          delta: m.delta,
          after: m.stock_after,
          reason: m.reason,
          redemption: m.redemption_id ?? '',
        })
        .commit();
    }
    moves.commit();
  });
  return { stream, filename: `stock-${span(q.from, q.to)}.xlsx` };
}
