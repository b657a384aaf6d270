/**
 * Admin adjustments of a wallet. Each posts against the system account of the volunteer's
 * region (so one district's corrections cannot exhaust or overflow another's), its
 * idempotency key belongs to the admin who sent it, the settings cap its size, and one above
 * the approval threshold waits, posting nothing, until a second admin approves it.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AdjustmentAnswer, PointAdjustmentSchema } from '../../../common/contract/points.js';
import { AppError, forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { hasRole, isSystemAdmin, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as repo from './adjustments.repository.js';
import { countGrant } from './grant-stats.js';
import { balanceOf, postTransaction, walletOf, type AccountRef } from './ledger.js';
import { volunteerRegion } from './statements.repository.js';

type Answer = z.infer<typeof AdjustmentAnswer>;
type View = z.infer<typeof PointAdjustmentSchema>;

/** The system account a region's adjustments come from (created on first use by the ledger). */
export const regionSystemAccount = (regionCode: string): AccountRef => ({ kind: 'system', ownerId: regionCode });

const regionGrants = (actor: Actor) => scopesOf(actor, ['region_admin'], 'region');

function requireAdjuster(actor: Actor): void {
  if (!hasRole(actor, 'system_admin', 'region_admin')) throw forbidden('Only region and system admins adjust points');
}

/** Posts an adjustment's points: the ledger key is the adjustment's, so it applies once. */
async function post(trx: Transaction<DB>, a: repo.AdjustmentRow): Promise<string> {
  const tx = await postTransaction(trx, {
    kind: 'adjust',
    idempotencyKey: `adjustment:${a.id}`,
    source: 'adjustment',
    sourceId: a.volunteer_id,
    memo: a.reason,
    actorUserId: a.requested_by,
    postings: [
      { account: walletOf(a.volunteer_id), amount: a.amount },
      { account: regionSystemAccount(a.region_code), amount: -a.amount },
    ],
  });
  if (!tx.replayed) await countGrant(trx, tx.id);
  return tx.id;
}

async function answerOf(db: Db, a: repo.AdjustmentRow, replayed: boolean): Promise<Answer> {
  const status = a.status;
  return {
    id: a.transaction_id,
    adjustmentId: a.id,
    status,
    amount: a.amount,
    balanceAfter: await balanceOf(db, walletOf(a.volunteer_id)),
    replayed,
  };
}

/**
 * An admin's correction of a wallet, with a reason. Region admins over the volunteer's
 * region and system admins only. Larger than the adjustmentMaxPoints setting: 422; larger
 * than adjustmentApprovalPoints: recorded pending (nothing posted). A negative amount never
 * takes the wallet below zero (409 INSUFFICIENT_POINTS, nothing changed). The same key from
 * the same admin with the same body answers the first result; with another body, a 409.
 */
export async function adjustPoints(
  db: Db,
  actor: Actor,
  volunteerId: string,
  b: { amount: number; reason: string; idempotencyKey: string },
): Promise<Answer> {
  requireAdjuster(actor);
  const v = await volunteerRegion(db, volunteerId);
  if (!v || !(await new Policy(db).adminsRegion(actor, v.region_code))) throw notFound('Volunteer');
  const settings = await getSettings(db);
  const size = Math.abs(b.amount);
  if (size > settings.adjustmentMaxPoints) {
    const max = settings.adjustmentMaxPoints;
    throw ruleBroken('amount', 'adjustment_over_cap', `at most ${max} points in one adjustment`, { max });
  }
  const pending = size > settings.adjustmentApprovalPoints;
  const scopeCode = isSystemAdmin(actor) ? null : await repo.narrowestGrantOver(db, regionGrants(actor), v.region_code);
  return db.transaction().execute(async (trx) => {
    const row: repo.AdjustmentRow = {
      id: newId(),
      volunteer_id: volunteerId,
      region_code: v.region_code,
      scope_code: scopeCode,
      amount: b.amount,
      reason: b.reason,
      requested_by: actor.userId,
      idempotency_key: b.idempotencyKey,
      status: pending ? 'pending' : 'applied',
      transaction_id: null,
      decided_by: pending ? null : actor.userId,
      decided_at: pending ? null : nowIso(),
      decision_note: null,
      created_at: nowIso(),
    };
    if (!(await repo.insertAdjustment(trx, row))) {
      const first = await repo.adjustmentByKey(trx, actor.userId, b.idempotencyKey);
      if (!first) throw new Error('adjustment key vanished');
      if (first.volunteer_id !== volunteerId || first.amount !== b.amount || first.reason !== b.reason) {
        // Only the caller's own earlier request can match: nothing of anyone else's is named.
        throw new AppError('IDEMPOTENCY_MISMATCH', 'You already used this idempotency key for a different adjustment');
      }
      return answerOf(trx, first, true);
    }
    const details = { adjustmentId: row.id, amount: b.amount, reason: b.reason };
    if (pending) {
      await audit(trx, actor, volunteerId, 'points.adjust.request', details);
      return answerOf(trx, row, false);
    }
    row.transaction_id = await post(trx, row);
    await repo.setTransaction(trx, row.id, row.transaction_id);
    await audit(trx, actor, volunteerId, 'points.adjust', { ...details, transactionId: row.transaction_id });
    return answerOf(trx, row, false);
  });
}

const audit = (trx: Db, actor: Actor, volunteerId: string, action: string, details: Record<string, unknown>) =>
  appendAudit(trx, { actorUserId: actor.userId, action, entityType: 'volunteer', entityId: volunteerId, details });

/** Whether the actor's authority covers the asker's: a system admin, or a region admin over the asker's grant. */
async function coversAsker(db: Db, actor: Actor, a: repo.AdjustmentRow): Promise<boolean> {
  if (isSystemAdmin(actor)) return true;
  if (a.scope_code === null) return false;
  return (await repo.regionsUnder(db, regionGrants(actor), [a.scope_code])).has(a.scope_code);
}

/**
 * Approves or rejects a pending adjustment: a second admin over the volunteer's region whose
 * authority is the asker's or wider, never the asker. Approval posts it (once: the row is
 * locked and its ledger key is its own); a wallet that can no longer cover a negative one
 * refuses with 409 INSUFFICIENT_POINTS and it stays pending.
 */
export async function decideAdjustment(
  db: Db,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
  note: string | null,
): Promise<View> {
  requireAdjuster(actor);
  await db.transaction().execute(async (trx) => {
    const a = await repo.lockAdjustment(trx, id);
    if (!a || !(await new Policy(trx).adminsRegion(actor, a.region_code))) throw notFound('Adjustment');
    if (a.status !== 'pending') {
      throw refusal('CONFLICT', 'adjustment_decided', `Adjustment ${a.id} was already ${a.status}`, {
        status: a.status,
      });
    }
    if (a.requested_by === actor.userId) {
      throw refusal(
        'SECOND_APPROVER_REQUIRED',
        'own_adjustment',
        'You asked for this adjustment; another admin must decide',
      );
    }
    if (!(await coversAsker(trx, actor, a))) {
      throw forbidden("Only an admin over the asker's region (or a system admin) may decide this adjustment");
    }
    const decided = { decided_by: actor.userId, decided_at: nowIso(), decision_note: note };
    const details = { adjustmentId: a.id, amount: a.amount, reason: a.reason, requestedBy: a.requested_by };
    if (decision === 'reject') {
      await repo.decideAdjustment(trx, a.id, { ...decided, status: 'rejected', transaction_id: null });
      await audit(trx, actor, a.volunteer_id, 'points.adjust.reject', { ...details, note });
      return;
    }
    const transactionId = await post(trx, a);
    await repo.decideAdjustment(trx, a.id, { ...decided, status: 'applied', transaction_id: transactionId });
    await audit(trx, actor, a.volunteer_id, 'points.adjust', { ...details, transactionId, approvedBy: actor.userId });
  });
  const row = await repo.adjustmentView(db, id);
  if (!row) throw notFound('Adjustment');
  return (await present(db, actor, [row]))[0] as View;
}

/** Adjustments in the caller's regions (default: pending), oldest first. */
export async function listAdjustments(
  db: Db,
  actor: Actor,
  q: { status?: repo.AdjustmentRow['status'] | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: View[]; nextCursor: string | null }> {
  requireAdjuster(actor);
  const after = decodeCursor(q.cursor, { at: 'string', id: 'string' });
  const regions = isSystemAdmin(actor) ? null : regionGrants(actor);
  if (regions !== null && regions.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listAdjustments(db, { status: q.status ?? 'pending', regions, after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (last) => ({ at: last.created_at, id: last.id }));
  return { items: await present(db, actor, items), nextCursor };
}

async function present(db: Db, actor: Actor, rows: repo.AdjustmentListRow[]): Promise<View[]> {
  const scopes = rows.flatMap((r) => (r.scope_code ? [r.scope_code] : []));
  const covered = isSystemAdmin(actor) ? null : await repo.regionsUnder(db, regionGrants(actor), scopes);
  return rows.map((r) => ({
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    volunteerCode: r.volunteer_code,
    regionCode: r.region_code,
    amount: r.amount,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.created_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    note: r.decision_note,
    transactionId: r.transaction_id,
    canDecide:
      r.status === 'pending' &&
      r.requested_by !== actor.userId &&
      (covered === null || (r.scope_code !== null && covered.has(r.scope_code))),
  }));
}
