/**
 * What a supermarket's .xlsx reports hold, for the exports module to write: each function checks
 * the caller first (so a refusal is still a 4xx) and then hands back rows read as they are written.
 */
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { movementsOfSite } from './goods.repository.js';
import { presentRedemptions } from './redemptions.presenter.js';
import * as repo from './redemptions.repository.js';
import { rangeOf } from './reports.service.js';
import { staffedSupermarket } from './supermarkets.access.js';

/** Rows fetched per query while streaming, so a year of redemptions never sits in memory. */
const BATCH = 500;

const span = (from?: string, to?: string) => `${from ?? 'start'}_${to ?? 'now'}`;

/** One goods line of a redemption, the volunteer's name masked as the API shows it. */
export interface RedemptionLine {
  id: string;
  at: string;
  volunteerCode: string;
  volunteerName: string;
  goods: string;
  qty: number;
  points: number;
  balanceAfter: number;
  status: string;
  reverseReason: string | null;
}

/** A supermarket's redemptions, one line per goods line; its staff only. */
export async function redemptionsForExport(
  db: Db,
  actor: Actor,
  siteId: string,
  q: { from?: string; to?: string },
): Promise<{ span: string; lines: AsyncIterable<RedemptionLine> }> {
  await staffedSupermarket(db, actor, siteId);
  const range = await rangeOf(db, q.from, q.to);
  async function* lines(): AsyncGenerator<RedemptionLine> {
    let before: string | undefined;
    for (;;) {
      const rows = await repo.listRedemptions(db, { siteId, ...range, before, limit: BATCH });
      for (const r of await presentRedemptions(db, rows)) {
        for (const i of r.items) {
          yield {
            id: r.id,
            at: r.at,
            volunteerCode: r.volunteerCode,
            volunteerName: r.volunteerName,
            goods: i.name,
            qty: i.qty,
            points: i.points,
            balanceAfter: r.balanceAfter,
            status: r.status,
            reverseReason: r.reverseReason,
          };
        }
      }
      if (rows.length < BATCH) return;
      before = rows[rows.length - 1]?.id;
    }
  }
  return { span: span(q.from, q.to), lines: lines() };
}

/** A supermarket's goods with their stock, and every movement of the range; its staff only. */
export async function stockForExport(db: Db, actor: Actor, siteId: string, q: { from?: string; to?: string }) {
  await staffedSupermarket(db, actor, siteId);
  const range = await rangeOf(db, q.from, q.to);
  return {
    span: span(q.from, q.to),
    goods: await repo.goodsForExport(db, siteId),
    movements: await movementsOfSite(db, siteId, range.start, range.end),
  };
}
