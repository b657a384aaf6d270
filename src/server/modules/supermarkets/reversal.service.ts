import { VOID_MINUTES, type Redemption } from '../../../common/contract/supermarkets.js';
import { AppError, notFound, refusal } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { reverseTransaction } from '../points/index.js';
import { transactionById } from '../points/index.js';
import * as goodsRepo from './goods.repository.js';
import { stockMovementRow } from './goods.service.js';
import { presentRedemptions } from './redemptions.presenter.js';
import * as repo from './redemptions.repository.js';
import { COUNTER_ROLES, REVERSER_ROLES, staffedSupermarket } from './supermarkets.access.js';
import { redemptionCounted } from '../stats/index.js';

/** The ledger key of a reversal: per supermarket and client key, like a redemption's. */
export const reversalKey = (siteId: string, key: string): string => `unredeem:${siteId}:${key}`;

/** How a redemption is undone: reversed by a manager or admin at any time, or voided at the counter soon after. */
type Undo = 'reverse' | 'void';

/**
 * An admin undoes a redemption: the points go back to the wallet (a reversing ledger
 * transaction), the goods back on the shelf (reversal movements), the order is marked
 * reversed, and the audit log says who and why. A clerk cannot; a second reversal is a 409
 * (a repeat of the same idempotency key answers like the first).
 */
export const reverseRedemption = (db: Db, actor: Actor, id: string, b: { reason: string; idempotencyKey: string }) =>
  undoRedemption(db, actor, id, b, 'reverse');

/**
 * The staff of the counter (a clerk too) void a redemption of their own supermarket within
 * VOID_MINUTES of it, by the server's clock — a mistake caught while the volunteer is still
 * there. It is undone exactly as a reversal is; later, only a reversal (422 VOID_WINDOW_CLOSED).
 */
export const voidRedemption = (db: Db, actor: Actor, id: string, b: { reason: string; idempotencyKey: string }) =>
  undoRedemption(db, actor, id, b, 'void');

async function undoRedemption(
  db: Db,
  actor: Actor,
  id: string,
  b: { reason: string; idempotencyKey: string },
  how: Undo,
): Promise<Redemption> {
  const found = await repo.redemptionById(db, id);
  if (!found) throw notFound('Redemption');
  await staffedSupermarket(db, actor, found.site_id, how === 'void' ? COUNTER_ROLES : REVERSER_ROLES);
  const key = reversalKey(found.site_id, b.idempotencyKey);
  await db.transaction().execute(async (trx) => {
    const items = await repo.itemsOf(trx, [id]);
    // Goods before the order and the accounts: the lock order redemption uses.
    const goods = await goodsRepo.lockGoods(
      trx,
      found.site_id,
      items.map((i) => i.goods_id),
    );
    const r = await repo.lockRedemption(trx, id);
    if (!r) throw notFound('Redemption');
    if (r.status === 'reversed') {
      const earlier = r.reversal_transaction_id ? await transactionById(trx, r.reversal_transaction_id) : undefined;
      if (earlier?.idempotency_key === key) return;
      throw refusal(
        'CONFLICT',
        'already_reversed',
        `This redemption was already reversed at ${r.reversed_at ?? 'an earlier time'}`,
      );
    }
    if (how === 'void' && Date.now() > Date.parse(r.created_at) + VOID_MINUTES * 60_000) {
      throw new AppError(
        'VOID_WINDOW_CLOSED',
        `A redemption can be voided at the counter within ${VOID_MINUTES} minutes only: ask the site manager or an admin to reverse it`,
        { minutes: VOID_MINUTES },
      );
    }
    const reversal = await reverseTransaction(trx, r.transaction_id, {
      idempotencyKey: key,
      memo: b.reason,
      actorUserId: actor.userId,
    });
    const at = nowIso();
    const moves = goods.map((g) => {
      const qty = items.filter((i) => i.goods_id === g.id).reduce((n, i) => n + i.qty, 0);
      return stockMovementRow(g, qty, 'reversal', b.reason, actor.userId, g.stock + qty, at, id);
    });
    await goodsRepo.insertMovements(trx, moves);
    for (const m of moves) await goodsRepo.setStock(trx, m.goods_id, m.stock_after, at);
    await repo.markReversed(trx, id, { at, by: actor.userId, reason: b.reason, transactionId: reversal.id });
    await redemptionCounted(trx, r, -1);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: `redemption.${how}`,
      entityType: 'redemption',
      entityId: id,
      details: { reason: b.reason, points: r.points, transactionId: reversal.id },
    });
  });
  const [shown] = await presentRedemptions(db, await repo.listRedemptions(db, { id }));
  if (!shown) throw notFound('Redemption');
  return shown;
}
