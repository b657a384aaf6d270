import type { Transaction } from 'kysely';
import type { MemberLookup, Redeem } from '../../../common/contract/supermarkets.js';
import { AppError, ruleBroken, rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { DB, GoodsTable, RedemptionsTable } from '../../db/schema.js';
import { newId } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { balanceOf, postTransaction, walletOf, type AccountRef } from '../points/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as goodsRepo from './goods.repository.js';
import { stockMovementRow } from './goods.service.js';
import { periodStart } from './periods.js';
import * as repo from './redemptions.repository.js';
import { maskName } from './supermarkets.presenter.js';
import { staffedSupermarket } from './supermarkets.access.js';
import { isUniqueViolation } from '../../platform/db.js';
import { counterCustomer, namesSameCustomer } from './counter-customer.js';
import { issueCounterToken } from './counter-token.js';
import { newReceiptNo } from './receipt-no.js';
import { redemptionCounted } from '../stats/index.js';

/** Redemptions one volunteer may make per minute, across all counters (the API's published rate limit). */
export const REDEMPTIONS_PER_MINUTE = 30;

export const supermarketAccount = (siteId: string): AccountRef => ({ kind: 'supermarket', ownerId: siteId });
/** The ledger key of a counter's idempotency key: unique per supermarket, not per clerk. */
export const ledgerKey = (siteId: string, key: string): string => `redeem:${siteId}:${key}`;

export interface RedeemAnswer {
  id: string;
  points: number;
  balanceAfter: number;
  receiptNo: string;
  at: string;
}

const answerOf = (r: RedemptionsTable): RedeemAnswer => ({
  id: r.id,
  points: r.points,
  balanceAfter: r.balance_after,
  receiptNo: r.receipt_no,
  at: r.created_at,
});

/**
 * A repeat of an idempotency key answers with the first result, as long as it asks for the
 * same goods (and, as far as its code or login still tells, for the same volunteer).
 */
async function replay(ctx: AppContext, actor: Actor, existing: RedemptionsTable, b: Redeem): Promise<RedeemAnswer> {
  const items = await repo.itemsOf(ctx.database.db, [existing.id]);
  const same = (a: { goodsId: string; qty: number }[]) =>
    a
      .map((i) => `${i.goodsId}*${i.qty}`)
      .sort()
      .join(',');
  const sameVolunteer = await namesSameCustomer(ctx, actor, existing.site_id, b, existing.volunteer_id);
  if (!sameVolunteer || same(items.map((i) => ({ goodsId: i.goods_id, qty: i.qty }))) !== same(b.items)) {
    throw new AppError('IDEMPOTENCY_MISMATCH', 'idempotencyKey: already used for a different redemption', {
      field: 'idempotencyKey',
    });
  }
  return answerOf(existing);
}

/** Refuses goods that are missing, withdrawn, short, or beyond the volunteer's limit. */
async function checkItems(
  trx: Transaction<DB>,
  b: Redeem,
  goods: GoodsTable[],
  volunteerId: string,
  now: number,
  timeZone: string,
): Promise<number> {
  const byId = new Map(goods.map((g) => [g.id, g]));
  let points = 0;
  for (const [i, item] of b.items.entries()) {
    const g = byId.get(item.goodsId);
    if (!g || g.active !== 1) {
      throw ruleBroken(`items.${i}.goodsId`, 'goods_not_offered', 'not offered by this supermarket', {
        goodsId: item.goodsId,
      });
    }
    if (item.qty > g.stock) {
      throw new AppError('OUT_OF_STOCK', `${g.name}: only ${g.stock} left, ${item.qty} asked`, {
        goodsId: g.id,
        stock: g.stock,
        asked: item.qty,
      });
    }
    if (g.limit_per_person) {
      const period = g.limit_period ?? 'ever';
      const used = await repo.redeemedQty(trx, volunteerId, g.id, periodStart(period, now, timeZone));
      if (used + item.qty > g.limit_per_person) {
        throw new AppError(
          'LIMIT_REACHED',
          `${g.name}: at most ${g.limit_per_person} per person (${period}); ${used} taken already`,
          { goodsId: g.id, limit: g.limit_per_person, period, used, asked: item.qty },
        );
      }
    }
    points += g.points * item.qty;
  }
  return points;
}

/**
 * Redemption at the counter. In one transaction: lock the goods (id order), check stock
 * and limits, post the ledger transaction (which locks and checks the wallet), then write
 * the order, its items and the stock movements. Any refusal rolls everything back.
 */
export async function redeem(ctx: AppContext, actor: Actor, siteId: string, b: Redeem): Promise<RedeemAnswer> {
  const db = ctx.database.db;
  const site = await staffedSupermarket(db, actor, siteId);
  const first = await repo.redemptionByKey(db, siteId, b.idempotencyKey);
  if (first) return replay(ctx, actor, first, b);
  const volunteer = await counterCustomer(ctx, actor, siteId, b);
  if (!(await ctx.limiter.take(`redeem:${volunteer.id}`, REDEMPTIONS_PER_MINUTE, 60_000))) {
    throw rateLimited('Too many redemptions for this volunteer: wait a minute', 60);
  }
  const { timeZone } = await getSettings(db);
  let result: { answer: RedeemAnswer } | { replayOf: RedemptionsTable };
  try {
    result = await db.transaction().execute(async (trx) => {
      const goods = await goodsRepo.lockGoods(
        trx,
        siteId,
        b.items.map((i) => i.goodsId),
      );
      // A concurrent repeat of this key waited on the same goods locks: it has committed now.
      const again = await repo.redemptionByKey(trx, siteId, b.idempotencyKey);
      if (again) return { replayOf: again };
      const now = Date.now();
      const receiptNo = await newReceiptNo(trx);
      const points = await checkItems(trx, b, goods, volunteer.id, now, timeZone);
      const id = newId(now);
      const at = new Date(now).toISOString();
      const wallet = walletOf(volunteer.id);
      const posted = await postTransaction(trx, {
        kind: 'redeem',
        idempotencyKey: ledgerKey(siteId, b.idempotencyKey),
        source: 'redemption',
        sourceId: id,
        memo: site.name,
        actorUserId: actor.userId,
        postings: [
          { account: wallet, amount: -points },
          { account: supermarketAccount(siteId), amount: points },
        ],
      });
      if (posted.replayed) {
        // A first attempt of this key with other goods but the same points got the wallet
        // first and has committed: answer as a repeat of it (replay compares the goods).
        const winner = await repo.redemptionByKey(trx, siteId, b.idempotencyKey);
        if (winner) return { replayOf: winner };
        throw new Error(`ledger holds ${ledgerKey(siteId, b.idempotencyKey)} without its order`);
      }
      const balanceAfter = await balanceOf(trx, wallet);
      await repo.insertRedemption(
        trx,
        {
          id,
          site_id: siteId,
          volunteer_id: volunteer.id,
          clerk_user_id: actor.userId,
          idempotency_key: b.idempotencyKey,
          points,
          balance_after: balanceAfter,
          transaction_id: posted.id,
          status: 'completed',
          created_at: at,
          reversed_at: null,
          reversed_by: null,
          reverse_reason: null,
          reversal_transaction_id: null,
          receipt_no: receiptNo,
        },
        b.items.map((i) => ({
          id: newId(),
          redemption_id: id,
          goods_id: i.goodsId,
          qty: i.qty,
          points_each: (goods.find((g) => g.id === i.goodsId) as GoodsTable).points,
        })),
      );
      await redemptionCounted(trx, { site_id: siteId, created_at: at, points }, 1);
      const moves = goods.map((g) => {
        const qty = (b.items.find((i) => i.goodsId === g.id) as { qty: number }).qty;
        return stockMovementRow(g, -qty, 'redemption', 'redemption', actor.userId, g.stock - qty, at, id);
      });
      await goodsRepo.insertMovements(trx, moves);
      for (const m of moves) await goodsRepo.setStock(trx, m.goods_id, m.stock_after, at);
      return { answer: { id, points, balanceAfter, receiptNo, at } };
    });
  } catch (e) {
    // Two first attempts of one key that touched different goods: the loser meets the
    // unique index and answers as a repeat.
    if (!isUniqueViolation(e)) throw e;
    const winner = await repo.redemptionByKey(db, siteId, b.idempotencyKey);
    if (!winner) throw e;
    return replay(ctx, actor, winner, b);
  }
  return 'answer' in result ? result.answer : replay(ctx, actor, result.replayOf, b);
}

/**
 * What the counter screen shows after a scan or a PIN: masked name, volunteer code, balance.
 * A PIN look-up also answers a member token for the redemption that follows at this counter.
 */
export async function memberLookup(ctx: AppContext, actor: Actor, siteId: string, b: MemberLookup) {
  await staffedSupermarket(ctx.database.db, actor, siteId);
  const v = await counterCustomer(ctx, actor, siteId, b);
  const token =
    b.memberCode === undefined
      ? issueCounterToken(ctx.cipher, { volunteerId: v.id, siteId, clerkUserId: actor.userId })
      : null;
  return {
    volunteerName: maskName(v.name),
    volunteerCode: v.volunteer_code,
    balance: await balanceOf(ctx.database.db, walletOf(v.id)),
    ...(token ? { memberToken: token.token, memberTokenExpiresAt: token.expiresAt } : {}),
  };
}
