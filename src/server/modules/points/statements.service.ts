import type { z } from 'zod';
import { EarningBreakdownSchema, type AdjustmentAnswer, type PointStatement } from '../../../common/contract/points.js';
import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { balanceOf, CITY, postTransaction, walletOf } from './ledger.js';
import * as repo from './statements.repository.js';

type Statement = z.infer<typeof PointStatement>;

/** A volunteer's points history, newest first, each item with the balance after it. */
export async function statementOf(
  db: Db,
  actor: Actor,
  volunteerId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<Statement> {
  // Points are the person's own business and their region's: a membership does not show them.
  const sight = await new Policy(db).sightOf(actor, volunteerId);
  if (sight === null || sight.kind === 'membership') throw notFound('Volunteer');
  if (sight.kind === 'duty') await auditPersonalRead(db, actor.userId, volunteerId, 'points');
  const seq = decodeCursor(q.cursor, { seq: 'int' })?.seq ?? null;
  const rows = await repo.walletEntries(db, volunteerId, seq, q.limit + 1);
  const { items, nextCursor } = pageOf(rows, q.limit, (last) => ({ seq: Number(last.seq) }));
  return {
    balance: await balanceOf(db, walletOf(volunteerId)),
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: Number(r.amount),
      at: r.created_at,
      memo: r.memo,
      earning: breakdownOf(r.breakdown),
      balanceAfter: Number(r.balance_after),
      expiresAt: Number(r.amount) > 0 ? r.expires_at : null,
    })),
    nextCursor,
  };
}

/** The stored breakdown, or null when there is none or it does not read as one (never a 500 for a statement). */
function breakdownOf(json: string | null): Statement['items'][number]['earning'] {
  if (!json) return null;
  try {
    const parsed = EarningBreakdownSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * An admin's correction of a wallet, with a reason, against the city's system account.
 * Region admins over the volunteer's region and system admins only. A negative amount
 * never takes the wallet below zero (409 INSUFFICIENT_POINTS, nothing changed).
 */
export async function adjustPoints(
  db: Db,
  actor: Actor,
  volunteerId: string,
  b: { amount: number; reason: string; idempotencyKey: string },
): Promise<z.infer<typeof AdjustmentAnswer>> {
  if (!hasRole(actor, 'system_admin', 'region_admin')) throw forbidden('Only region and system admins adjust points');
  const v = await repo.volunteerRegion(db, volunteerId);
  if (!v || !(await new Policy(db).adminsRegion(actor, v.region_code))) throw notFound('Volunteer');
  const wallet = walletOf(volunteerId);
  return db.transaction().execute(async (trx) => {
    const tx = await postTransaction(trx, {
      kind: 'adjust',
      idempotencyKey: `adjust:${b.idempotencyKey}`,
      source: 'adjustment',
      sourceId: volunteerId,
      memo: b.reason,
      actorUserId: actor.userId,
      postings: [
        { account: wallet, amount: b.amount },
        { account: { kind: 'system', ownerId: CITY }, amount: -b.amount },
      ],
    });
    if (!tx.replayed) {
      await appendAudit(trx, {
        actorUserId: actor.userId,
        action: 'points.adjust',
        entityType: 'volunteer',
        entityId: volunteerId,
        details: { transactionId: tx.id, amount: b.amount, reason: b.reason },
      });
    }
    return { id: tx.id, amount: b.amount, balanceAfter: await balanceOf(trx, wallet), replayed: tx.replayed };
  });
}
