/**
 * Points for a volunteer's honour (SPEC: point rules may give bonuses for honours). Called by
 * the honours module inside the transaction that records or deletes the honour, so the
 * points exist exactly when the honour does. The ledger key is the honour's: it pays once.
 */
import type { Transaction } from 'kysely';
import type { HonourLevel } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { notify } from '../../platform/notify/notify.js';
import { earnBonus, earnedAmount, pointsOfKey } from './bonus-earning.js';
import { volunteerState } from './earning.repository.js';
import { countGrant } from './grant-stats.js';
import { accountKey, balanceOf, lockAccounts, reverseTransaction, walletOf } from './ledger.js';
import { transactionByKey } from './ledger.repository.js';

export interface HonourEarning {
  honourId: string;
  volunteerId: string;
  /** The volunteer's region: its nearest rule decides, and its system account pays. */
  regionCode: string;
  level: HonourLevel;
  name: string;
  actorUserId: string;
}

const earnKey = (honourId: string) => `honour:${honourId}`;

/**
 * Earns what the nearest rule of the volunteer's region chain gives an honour of this level
 * (nothing without a rule or a bonus for the level), and tells the volunteer; answers the
 * points earned.
 */
export async function earnForHonour(trx: Transaction<DB>, h: HonourEarning): Promise<number> {
  const points = await earnBonus(
    trx,
    { ...h, idempotencyKey: earnKey(h.honourId), source: 'honour', sourceId: h.honourId, memo: h.name },
    (rule) => rule.bonuses.honour?.[h.level],
  );
  const volunteer = points > 0 ? await volunteerState(trx, h.volunteerId) : undefined;
  if (volunteer) {
    const tx = await transactionByKey(trx, earnKey(h.honourId));
    await notify(trx, {
      userId: volunteer.user_id,
      kind: 'honour_points',
      params: {
        points,
        balance: await balanceOf(trx, walletOf(h.volunteerId)),
        honourName: h.name,
        level: h.level,
      },
      data: { honourId: h.honourId, transactionId: tx?.id ?? null },
      dedupeKey: `honour_points:${h.honourId}`,
    });
  }
  return points;
}

/** Points an honour earned (0 if none), by the honour's ledger key. */
export async function pointsOfHonour(db: Db, honourId: string): Promise<number> {
  return pointsOfKey(db, earnKey(honourId));
}

/**
 * Takes back what a deleted honour earned; as for a revoked record, only what the wallet
 * still holds (spent points are not chased into the red). Answers the points taken back.
 */
export async function reverseForHonour(
  trx: Transaction<DB>,
  h: { honourId: string; volunteerId: string; actorUserId: string },
): Promise<number> {
  const earned = await transactionByKey(trx, earnKey(h.honourId));
  if (!earned) return 0;
  const wallet = walletOf(h.volunteerId);
  const locked = await lockAccounts(trx, [wallet]);
  const held = locked.get(accountKey(wallet))?.balance ?? 0;
  const points = await earnedAmount(trx, earned.id);
  const shortfall = Math.max(0, points - held);
  const reversed = await reverseTransaction(trx, earned.id, {
    idempotencyKey: `reverse:${earnKey(h.honourId)}`,
    memo:
      shortfall > 0
        ? `honour deleted; ${shortfall} of ${points} points were already spent and not taken back`
        : 'honour deleted',
    actorUserId: h.actorUserId,
    clipToWallets: true,
  });
  if (!reversed.replayed) await countGrant(trx, reversed.id);
  return points - shortfall;
}
