import type {
  CreateGoods,
  Goods,
  LimitPeriod,
  StockChange,
  UpdateGoods,
} from '../../../common/contract/supermarkets.js';
import { AppError, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { GoodsTable, StockMovementsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import * as repo from './goods.repository.js';
import { presentGoods, presentMovement } from './supermarkets.presenter.js';
import { publicSupermarket, staffedSupermarket, staffsSupermarket } from './supermarkets.access.js';

/** A limit without a period counts for ever; a period without a limit means nothing. */
function limits(
  perPerson: number | null | undefined,
  period: LimitPeriod | null | undefined,
): Pick<GoodsTable, 'limit_per_person' | 'limit_period'> {
  if (!perPerson) return { limit_per_person: null, limit_period: null };
  return { limit_per_person: perPerson, limit_period: period ?? 'ever' };
}

/** New goods with their opening stock, recorded as the first movement. */
export async function createGoods(db: Db, actor: Actor, siteId: string, b: CreateGoods): Promise<Goods> {
  await staffedSupermarket(db, actor, siteId);
  const id = newId();
  const now = nowIso();
  const row: GoodsTable = {
    id,
    site_id: siteId,
    name: b.name,
    points: b.points,
    stock: b.stock,
    ...limits(b.limitPerPerson, b.limitPeriod),
    donor: b.donor || null,
    image_url: b.imageUrl ?? null,
    active: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertGoods(trx, row);
    if (b.stock > 0) {
      await repo.insertMovements(trx, [movement(row, b.stock, 'initial', 'opening stock', actor.userId, b.stock, now)]);
    }
    await appendAudit(trx, { actorUserId: actor.userId, action: 'goods.create', entityType: 'goods', entityId: id });
  });
  return presentGoods(row, true);
}

function movement(
  g: Pick<GoodsTable, 'id' | 'site_id'>,
  delta: number,
  kind: StockMovementsTable['kind'],
  reason: string,
  actorUserId: string | null,
  stockAfter: number,
  at: string,
  redemptionId: string | null = null,
): StockMovementsTable {
  return {
    id: newId(),
    goods_id: g.id,
    site_id: g.site_id,
    delta,
    kind,
    reason,
    redemption_id: redemptionId,
    actor_user_id: actorUserId,
    stock_after: stockAfter,
    created_at: at,
  };
}
export { movement as stockMovementRow };

/** The catalogue: active goods for everyone; staff also see stock and inactive goods. */
export async function listGoods(db: Db, actor: Actor | null, siteId: string): Promise<{ items: Goods[] }> {
  await publicSupermarket(db, siteId);
  const staff = await staffsSupermarket(db, actor, siteId);
  const rows = await repo.goodsOfSite(db, siteId, !staff);
  return { items: rows.map((g) => presentGoods(g, staff)) };
}

export async function updateGoods(
  db: Db,
  actor: Actor,
  siteId: string,
  goodsId: string,
  b: UpdateGoods,
): Promise<Goods> {
  await staffedSupermarket(db, actor, siteId);
  const g = await repo.goodsById(db, siteId, goodsId);
  if (!g) throw notFound('Goods');
  const patch: Partial<GoodsTable> = { updated_at: nowIso() };
  if (b.name !== undefined) patch.name = b.name;
  if (b.points !== undefined) patch.points = b.points;
  if (b.limitPerPerson !== undefined || b.limitPeriod !== undefined) {
    Object.assign(
      patch,
      limits(
        b.limitPerPerson === undefined ? g.limit_per_person : b.limitPerPerson,
        b.limitPeriod === undefined ? g.limit_period : b.limitPeriod,
      ),
    );
  }
  if (b.donor !== undefined) patch.donor = b.donor || null;
  if (b.imageUrl !== undefined) patch.image_url = b.imageUrl;
  if (b.active !== undefined) patch.active = b.active ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    await repo.updateGoods(trx, goodsId, patch);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'goods.update',
      entityType: 'goods',
      entityId: goodsId,
      details: { fields: Object.keys(b) },
    });
  });
  return presentGoods({ ...g, ...patch }, true);
}

/**
 * Stock in (delta > 0) or out (delta < 0) with a reason: one movement row and the cached
 * stock in the same transaction, under the goods row's lock; never below zero.
 */
export async function changeStock(db: Db, actor: Actor, siteId: string, goodsId: string, b: StockChange) {
  await staffedSupermarket(db, actor, siteId);
  return db.transaction().execute(async (trx) => {
    const [g] = await repo.lockGoods(trx, siteId, [goodsId]);
    if (!g) throw notFound('Goods');
    const after = g.stock + b.delta;
    if (after < 0) {
      throw new AppError('OUT_OF_STOCK', `delta: only ${g.stock} in stock, cannot take out ${-b.delta}`, {
        field: 'delta',
        goodsId,
        stock: g.stock,
      });
    }
    const now = nowIso();
    const m = movement(g, b.delta, b.delta > 0 ? 'in' : 'out', b.reason, actor.userId, after, now);
    await repo.insertMovements(trx, [m]);
    await repo.setStock(trx, goodsId, after, now);
    return { goods: presentGoods({ ...g, stock: after, updated_at: now }, true), movement: presentMovement(m) };
  });
}

/** The stock history of one goods, newest first, for the supermarket's staff. */
export async function listMovements(
  db: Db,
  actor: Actor,
  siteId: string,
  goodsId: string,
  q: { cursor?: string; limit: number },
) {
  await staffedSupermarket(db, actor, siteId);
  if (!(await repo.goodsById(db, siteId, goodsId))) throw notFound('Goods');
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.movementsOfGoods(db, goodsId, after?.id, q.limit + 1);
  const p = pageOf(rows, q.limit, (m) => ({ id: m.id }));
  return { items: p.items.map(presentMovement), nextCursor: p.nextCursor };
}
