/**
 * A one-off bonus a rule gives for an event outside service records (an honour, a handled
 * report): paid once to a volunteer's wallet by the region's system account, under the
 * event's own ledger key, so a repeated or concurrent call pays nothing more.
 */
import type { Transaction } from 'kysely';
import type { PointTransactionSource } from '../../../common/enums.js';
import { expiryDate, type EarningRule } from '../../../common/points.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../ids.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { regionSystemAccount } from './adjustments.service.js';
import { countGrant } from './grant-stats.js';
import { postTransaction, walletOf } from './ledger.js';
import { entriesOfTransaction, transactionByKey } from './ledger.repository.js';
import { earningRuleOf } from './rules.presenter.js';
import { regionRules } from './rules.repository.js';

export interface BonusEarning {
  idempotencyKey: string;
  source: PointTransactionSource;
  sourceId: string;
  volunteerId: string;
  /** Its nearest rule decides, and its system account pays. */
  regionCode: string;
  memo: string;
  actorUserId: string;
}

/** Earns what `pointsOf` reads from the nearest rule of the region (nothing without one); answers the points earned. */
export async function earnBonus(
  trx: Transaction<DB>,
  b: BonusEarning,
  pointsOf: (rule: EarningRule) => number | undefined,
): Promise<number> {
  const [row] = await regionRules(trx, b.regionCode);
  if (!row) return 0;
  const rule = earningRuleOf(row);
  const points = pointsOf(rule) ?? 0;
  if (points <= 0) return 0;
  const settings = await getSettings(trx);
  const tx = await postTransaction(trx, {
    kind: 'earn',
    idempotencyKey: b.idempotencyKey,
    source: b.source,
    sourceId: b.sourceId,
    memo: b.memo.slice(0, 500),
    actorUserId: b.actorUserId,
    postings: [
      {
        account: walletOf(b.volunteerId),
        amount: points,
        expiresAt: expiryDate(rule.expiry, nowIso(), settings.timeZone),
      },
      { account: regionSystemAccount(b.regionCode), amount: -points },
    ],
  });
  if (tx.replayed) return 0;
  await countGrant(trx, tx.id);
  return points;
}

/** What a transaction credited to wallets. */
export async function earnedAmount(db: Db, transactionId: string): Promise<number> {
  const entries = await entriesOfTransaction(db, transactionId);
  return entries.filter((e) => e.kind === 'wallet').reduce((s, e) => s + e.amount, 0);
}

/** Points a bonus paid (0 if none), by its ledger key. */
export async function pointsOfKey(db: Db, idempotencyKey: string): Promise<number> {
  const tx = await transactionByKey(db, idempotencyKey);
  return tx ? earnedAmount(db, tx.id) : 0;
}
