import type { Transaction } from 'kysely';
/**
 * Points for confirmed service, called from the records hooks inside the transaction that
 * confirms or revokes a record: the earning exists exactly when the confirmation does.
 */
import { applyCaps, computeEarning, earnsFrom, expiryDate, type EarningBreakdown } from '../../../common/points.js';
import { starLevelFor } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
/** What earning reads of a service record (the records module's row has more). */
export interface RecordRow {
  id: string;
  volunteer_id: string;
  organisation_id: string;
  activity_id: string;
  source: string;
  minutes: number;
  service_date: string;
  approved_by: string | null;
  revoked_by: string | null;
}
import { notify } from '../../platform/notify/notify.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as repo from './earning.repository.js';
import {
  accountKey,
  balanceOf,
  budgetOf,
  lockAccounts,
  postTransaction,
  reverseTransaction,
  walletOf,
} from './ledger.js';
import { earningRuleOf } from './rules.presenter.js';
import { organisationRules, regionRules, type RuleRow } from './rules.repository.js';
import type { DB } from '../../db/schema.js';

/**
 * The rule that applies to a record: the nearest rule of its organisation's chain (itself,
 * then its ancestors, then its supervising department); failing that, the nearest rule of
 * the activity's region chain. Within one scope the newest rule wins. Organisation rules
 * come first because a department's rule is about its own activities, a region's about
 * everything in it.
 */
export async function applicableRule(
  db: Db,
  org: { id: string; department_id: string | null },
  regionCode: string,
): Promise<RuleRow | null> {
  const [own] = await organisationRules(db, org.id, org.department_id);
  if (own) return own;
  const [regional] = await regionRules(db, regionCode);
  return regional ?? null;
}

/** Locks (creating if need be) the budget accounts of the organisations, in the ledger's order. */
export async function lockBudgets(trx: Transaction<DB>, organisationIds: string[]): Promise<void> {
  await lockAccounts(trx, organisationIds.map(budgetOf));
}

/**
 * Earns the points a just-confirmed record is worth under its rule (nothing if no rule or
 * source), and answers how many it earned.
 */
export async function earnForRecord(trx: Transaction<DB>, record: RecordRow): Promise<number> {
  const ctx = await repo.recordContext(trx, record.activity_id, record.organisation_id);
  if (!ctx) return 0;
  const row = await applicableRule(trx, ctx.org, ctx.activity.region_code);
  if (!row) return 0;
  const rule = earningRuleOf(row);
  if (!earnsFrom(rule, record.source)) return 0;
  const settings = await getSettings(trx);
  const volunteer = await repo.volunteerState(trx, record.volunteer_id);
  if (!volunteer) return 0;

  const after = Number(volunteer.star_level);
  const before = starLevelFor(Number(volunteer.confirmed_minutes) - record.minutes, settings.starThresholdsHours);
  const earning = computeEarning(rule, {
    minutes: record.minutes,
    source: record.source,
    field: ctx.activity.field,
    projectId: ctx.activity.project_id,
    firstService: (await repo.otherConfirmedRecords(trx, record.volunteer_id, record.id)) === 0,
    starBefore: before,
    starAfter: after,
  });
  const day = record.service_date.slice(0, 10);
  const month = day.slice(0, 7);
  const caps = applyCaps(earning.gross, rule, {
    day: rule.dailyCap === null ? 0 : await repo.earnedIn(trx, record.volunteer_id, { day }),
    month: rule.monthlyCap === null ? 0 : await repo.earnedIn(trx, record.volunteer_id, { month }),
  });
  const breakdown: EarningBreakdown = { ...earning.breakdown, limitedBy: caps.clippedBy };
  let points = caps.points;

  const wallet = walletOf(record.volunteer_id);
  const budget = budgetOf(record.organisation_id);
  if (rule.budgetLimited) {
    // Lock before reading, so two confirmations cannot both spend the last of a budget.
    const locked = await lockAccounts(trx, [wallet, budget]);
    const left = Math.max(0, locked.get(accountKey(budget))?.balance ?? 0);
    if (points > left) {
      points = left;
      breakdown.limitedBy = 'budget';
    }
  }
  if (points <= 0) return 0;
  breakdown.points = points;

  const at = nowIso();
  const tx = await postTransaction(trx, {
    kind: 'earn',
    idempotencyKey: `earn:${record.id}`,
    source: 'rule',
    sourceId: record.id,
    // The memo names the activity; why this many points is the breakdown, worded by each reader.
    memo: ctx.activity.title.slice(0, 500),
    actorUserId: record.approved_by,
    postings: [
      { account: wallet, amount: points, expiresAt: expiryDate(rule.expiry, at, settings.timeZone) },
      { account: budget, amount: -points },
    ],
  });
  if (tx.replayed) return 0;
  await repo.insertEarning(trx, {
    record_id: record.id,
    volunteer_id: record.volunteer_id,
    transaction_id: tx.id,
    rule_id: row.id,
    day,
    month,
    points,
    created_at: at,
    breakdown: JSON.stringify(breakdown),
  });
  await notify(trx, {
    userId: volunteer.user_id,
    kind: 'points_earned',
    params: { points, balance: await balanceOf(trx, wallet), memo: ctx.activity.title, earning: breakdown },
    data: { recordId: record.id, transactionId: tx.id },
    dedupeKey: `points_earned:${record.id}`,
  });
  return points;
}

/**
 * Takes back what a revoked record earned. If the volunteer has spent some of it since,
 * only what the wallet still holds comes back (a wallet never goes below zero) and the
 * memo records the shortfall: the points were spent in good faith at a supermarket, and
 * chasing them is for an admin adjustment, not for a wallet in the red. Answers how many
 * points came back.
 */
export async function reverseForRecord(trx: Transaction<DB>, record: RecordRow): Promise<number> {
  const earning = await repo.earningOfRecord(trx, record.id);
  if (!earning) return 0;
  const wallet = walletOf(record.volunteer_id);
  // Know the shortfall before posting, to say it in the memo.
  const locked = await lockAccounts(trx, [wallet, budgetOf(record.organisation_id)]);
  const held = locked.get(accountKey(wallet))?.balance ?? 0;
  const shortfall = Math.max(0, earning.points - held);
  await reverseTransaction(trx, earning.transaction_id, {
    idempotencyKey: `reverse:earn:${record.id}`,
    memo:
      shortfall > 0
        ? `record revoked; ${shortfall} of ${earning.points} points were already spent and not taken back`
        : 'record revoked',
    actorUserId: record.revoked_by,
    clipToWallets: true,
  });
  return earning.points - shortfall;
}
