import type { z } from 'zod';
import type { DayReport } from '../../../common/contract/supermarkets.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import type { Actor } from '../../platform/access/policy.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { isRealDate, localDaysRange } from '../../../common/zoned-time.js';
import { presentRedemptions } from './redemptions.presenter.js';
import * as repo from './redemptions.repository.js';
import * as reports from './reports.repository.js';
import { staffedSupermarket } from './supermarkets.access.js';

/** [start, end) in UTC of optional inclusive local days; a bad or reversed range is a 400. */
export async function rangeOf(
  db: Db,
  from?: string,
  to?: string,
): Promise<{ start: string | null; end: string | null }> {
  for (const [name, d] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (d && !isRealDate(d)) throw badRequest(`query.${name}: ${d} is not a calendar day`, { field: `query.${name}` });
  }
  if (from && to && from > to) throw badRequest('query.from: must not be after `to`', { field: 'query.from' });
  const { timeZone } = await getSettings(db);
  return {
    start: from ? localDaysRange(from, from, timeZone).start : null,
    end: to ? localDaysRange(to, to, timeZone).end : null,
  };
}

/** A supermarket's redemptions, newest first, for its staff. */
export async function listSiteRedemptions(
  db: Db,
  actor: Actor,
  siteId: string,
  q: { from?: string; to?: string; cursor?: string; limit: number },
) {
  await staffedSupermarket(db, actor, siteId);
  const range = await rangeOf(db, q.from, q.to);
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.listRedemptions(db, { siteId, ...range, before: after?.id, limit: q.limit + 1 });
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return { items: await presentRedemptions(db, p.items), nextCursor: p.nextCursor };
}

/** The caller's own redemptions at any supermarket, newest first. */
export async function myRedemptions(db: Db, actor: Actor, q: { cursor?: string; limit: number }) {
  const volunteerId = await volunteerIdOf(db, actor);
  if (!volunteerId) throw forbidden('Only volunteers have redemptions of their own');
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.listRedemptions(db, { volunteerId, before: after?.id, limit: q.limit + 1 });
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return { items: await presentRedemptions(db, p.items), nextCursor: p.nextCursor };
}

/** One local day at a supermarket: redemptions, points, units per goods, stock in and out. */
export async function dayReport(
  db: Db,
  actor: Actor,
  siteId: string,
  date: string,
): Promise<z.infer<typeof DayReport>> {
  await staffedSupermarket(db, actor, siteId);
  // Checked here so that the refusal names this operation's one parameter, not rangeOf's `from`.
  if (!isRealDate(date)) throw badRequest(`query.date: ${date} is not a calendar day`, { field: 'query.date' });
  const { start, end } = await rangeOf(db, date, date);
  const s = start as string;
  const e = end as string;
  const [totals, perGoods, moves, names] = await Promise.all([
    reports.redemptionTotals(db, siteId, s, e),
    reports.redeemedPerGoods(db, siteId, s, e),
    reports.manualMovements(db, siteId, s, e),
    reports.goodsNames(db, siteId),
  ]);
  const completed = totals.find((t) => t.status === 'completed');
  const goods = names
    .map((g) => {
      const r = perGoods.find((p) => p.goodsId === g.id);
      const mine = moves.filter((m) => m.goodsId === g.id);
      return {
        goodsId: g.id,
        name: g.name,
        redeemed: r?.qty ?? 0,
        points: r?.points ?? 0,
        stockIn: mine.filter((m) => m.kind !== 'out').reduce((n, m) => n + m.delta, 0),
        stockOut: -mine.filter((m) => m.kind === 'out').reduce((n, m) => n + m.delta, 0),
      };
    })
    .filter((g) => g.redeemed || g.stockIn || g.stockOut);
  return {
    siteId,
    date,
    redemptions: completed?.n ?? 0,
    reversed: totals.find((t) => t.status === 'reversed')?.n ?? 0,
    points: completed?.points ?? 0,
    stockIn: goods.reduce((n, g) => n + g.stockIn, 0),
    stockOut: goods.reduce((n, g) => n + g.stockOut, 0),
    goods,
  };
}
