import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { toNumber } from '../../db/database.js';
import { verifyLedger } from '../points/verify.js';
import {
  addGoods,
  key,
  makeMember,
  makeSupermarketScene,
  type Member,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';

const WALLETS = 50;
const REQUESTS = 1000;
const REPEATS = 100;
const LIMIT = 2;

interface Req {
  member: Member;
  body: { memberCode: string; items: { goodsId: string; qty: number }[]; idempotencyKey: string };
}

// 1,000 redemptions at once against 50 wallets and 8 goods: random baskets, some beyond the
// balance, the stock or a per-person limit, 100 repeating an earlier idempotency key.
describe.each(DIALECTS)('concurrent redemptions on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;
  const members: Member[] = [];
  const funded = new Map<string, number>();
  const goods: { id: string; points: number; stock: number; limited: boolean }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
    for (let i = 0; i < WALLETS; i++) {
      const points = randomInt(0, 300);
      const m = await makeMember(t, points, `志愿者${i}`);
      members.push(m);
      funded.set(m.volunteerId, points);
    }
    for (let i = 0; i < 8; i++) {
      const limited = i === 0;
      const g = await addGoods(s.clerk.client, s.siteId, {
        name: `商品${i}`,
        points: [1, 2, 5, 10, 20, 30, 50, 80][i] as number,
        // Goods 1 runs out early; goods 0 is plentiful but limited per person.
        stock: limited ? 500 : i === 1 ? 5 : randomInt(40, 120),
        ...(limited ? { limitPerPerson: LIMIT, limitPeriod: 'day' } : {}),
      });
      goods.push({ ...g, limited });
    }
  });
  afterAll(() => closeAfterMany(t));

  it('never overdraws a wallet or the stock, applies each key once, and refuses with nothing changed', async () => {
    const reqs: Req[] = [];
    for (let i = 0; i < REQUESTS - REPEATS; i++) {
      const member = members[i % WALLETS] as Member;
      const picked = [...goods].sort(() => Math.random() - 0.5).slice(0, randomInt(1, 4));
      reqs.push({
        member,
        body: {
          memberCode: member.code(),
          items: picked.map((g) => ({ goodsId: g.id, qty: randomInt(1, 4) })),
          idempotencyKey: key(),
        },
      });
    }
    for (let i = 0; i < REPEATS; i++) reqs.splice(randomInt(0, reqs.length), 0, reqs[randomInt(0, reqs.length)] as Req);

    const url = `/api/v1/supermarkets/${s.siteId}/redemptions`;
    const answers: LightMyRequestResponse[] = await Promise.all(reqs.map((r) => s.clerk.client.post(url, r.body)));

    // Every answer is a success or a 409 with one of the three codes.
    const refused = new Map<string, number>();
    for (const a of answers) {
      if (a.statusCode === 201) continue;
      expect(a.statusCode, a.body).toBe(409);
      const code = a.json().error.code as string;
      expect(['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'LIMIT_REACHED']).toContain(code);
      refused.set(code, (refused.get(code) ?? 0) + 1);
    }
    expect(answers.filter((a) => a.statusCode === 201).length).toBeGreaterThan(0);
    for (const code of ['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'LIMIT_REACHED']) {
      expect(refused.get(code), code).toBeGreaterThan(0);
    }

    // Each key applied once: one order per successful key, and repeats got the same answer.
    const byKey = new Map<string, string[]>();
    reqs.forEach((r, i) => {
      const a = answers[i] as LightMyRequestResponse;
      if (a.statusCode === 201) byKey.set(r.body.idempotencyKey, [...(byKey.get(r.body.idempotencyKey) ?? []), a.body]);
    });
    const db = t.tdb.db;
    const orders = await db.selectFrom('redemptions').selectAll().where('site_id', '=', s.siteId).execute();
    expect(orders).toHaveLength(byKey.size);
    for (const [k, bodies] of byKey) {
      expect(new Set(bodies).size, k).toBe(1);
      const first = JSON.parse(bodies[0] as string) as { id: string; points: number; balanceAfter: number };
      const order = orders.find((o) => o.idempotency_key === k);
      expect(order).toMatchObject({ id: first.id, points: first.points, balance_after: first.balanceAfter });
    }
    const redeemTx = await db
      .selectFrom('point_transactions')
      .select('idempotency_key')
      .where('kind', '=', 'redeem')
      .execute();
    expect(redeemTx).toHaveLength(orders.length);

    // Points: every wallet holds what it was given less its orders, never below zero;
    // all entries together sum to zero.
    const wallets = await db
      .selectFrom('point_accounts')
      .select(['owner_id', 'balance'])
      .where('kind', '=', 'wallet')
      .execute();
    for (const w of wallets) {
      expect(w.balance).toBeGreaterThanOrEqual(0);
      const spent = orders.filter((o) => o.volunteer_id === w.owner_id).reduce((n, o) => n + o.points, 0);
      expect(w.balance).toBe((funded.get(w.owner_id) ?? 0) - spent);
    }
    const total = await db
      .selectFrom('point_entries')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .executeTakeFirst();
    expect(toNumber(total?.s)).toBe(0);

    // Stock: never below zero, what it started with less the items of the orders, and what
    // the movements sum to; the per-person limit held.
    const items = await db.selectFrom('redemption_items').selectAll().execute();
    for (const g of goods) {
      const row = await db.selectFrom('goods').select('stock').where('id', '=', g.id).executeTakeFirstOrThrow();
      const taken = items.filter((i) => i.goods_id === g.id).reduce((n, i) => n + i.qty, 0);
      expect(row.stock).toBeGreaterThanOrEqual(0);
      expect(row.stock).toBe(g.stock - taken);
      const moved = await db
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.sum<number>('delta').as('s'))
        .where('goods_id', '=', g.id)
        .executeTakeFirst();
      expect(toNumber(moved?.s)).toBe(row.stock);
      if (g.limited) {
        for (const m of members) {
          const mine = items
            .filter(
              (i) =>
                i.goods_id === g.id && orders.find((o) => o.id === i.redemption_id)?.volunteer_id === m.volunteerId,
            )
            .reduce((n, i) => n + i.qty, 0);
          expect(mine).toBeLessThanOrEqual(LIMIT);
        }
      }
    }

    const report = await verifyLedger(db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  }, 120_000);
});
