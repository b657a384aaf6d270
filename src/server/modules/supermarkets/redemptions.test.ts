import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { issueMemberCode } from '../../platform/codes.js';
import {
  addGoods,
  key,
  makeMember,
  makeSupermarketScene,
  redeem,
  stockOf,
  walletBalance,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';
import { testNow } from '../../../../test/clock.js';

describe.each(DIALECTS)('redemption at the counter on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
  });
  afterAll(() => closeAfterMany(t));

  const counts = async () => ({
    redemptions: (await t.tdb.db.selectFrom('redemptions').select('id').execute()).length,
    movements: (await t.tdb.db.selectFrom('stock_movements').select('id').execute()).length,
    transactions: (await t.tdb.db.selectFrom('point_transactions').select('id').execute()).length,
  });

  it('follows the access checklist', async () => {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId);
    const body = { memberCode: m.code(), items: [{ goodsId: g.id, qty: 1 }], idempotencyKey: key() };
    const url = `/api/v1/supermarkets/${s.siteId}/redemptions`;
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await m.client.post(url, body)).statusCode).toBe(403);
    expect((await s.otherClerk.client.post(url, body)).statusCode).toBe(404);
    expect((await s.otherRegionAdmin.client.post(url, body)).statusCode).toBe(404);
    const plain = await s.plainManager.client.post(`/api/v1/supermarkets/${s.plainSiteId}/redemptions`, body);
    expect(plain.statusCode).toBe(422);
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect((await s.clerk.client.post(url, body)).statusCode).toBe(201);
  });

  it('moves points and stock together, and a repeated key answers like the first', async () => {
    const m = await makeMember(t, 100);
    const soap = await addGoods(s.clerk.client, s.siteId, { name: '香皂', points: 10, stock: 5 });
    const oil = await addGoods(s.clerk.client, s.siteId, { name: '食用油', points: 25, stock: 2 });
    const k = key();
    const items = [
      { goodsId: soap.id, qty: 3 },
      { goodsId: oil.id, qty: 1 },
    ];
    const res = await redeem(s.clerk.client, s.siteId, m.code(), items, k);
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first).toMatchObject({ points: 55, balanceAfter: 45 });
    expect(await walletBalance(t, m.volunteerId)).toBe(45);
    expect(await stockOf(t, soap.id)).toBe(2);
    expect(await stockOf(t, oil.id)).toBe(1);

    // The ledger transaction: redeem, from the wallet to this supermarket, keyed by site and key.
    const tx = await t.tdb.db
      .selectFrom('point_transactions')
      .selectAll()
      .where('idempotency_key', '=', `redeem:${s.siteId}:${k}`)
      .executeTakeFirstOrThrow();
    expect(tx).toMatchObject({ kind: 'redeem', source: 'redemption', source_id: first.id });

    const before = await counts();
    const again = await redeem(s.clerk.client, s.siteId, m.code(), [...items].reverse(), k);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first);
    expect(await counts()).toEqual(before);
    expect(await walletBalance(t, m.volunteerId)).toBe(45);

    const other = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: soap.id, qty: 1 }], k);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await counts()).toEqual(before);
  });

  it('applies one key once when concurrent first attempts ask for different goods', async () => {
    const m = await makeMember(t, 100);
    const a = await addGoods(s.clerk.client, s.siteId, { name: '苹果', points: 5 });
    const b = await addGoods(s.clerk.client, s.siteId, { name: '梨', points: 5 });
    const k = key();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: i % 2 ? a.id : b.id, qty: 1 }], k),
      ),
    );
    const ok = answers.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.body)).size).toBe(1);
    for (const r of answers.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    }
    const orders = await t.tdb.db.selectFrom('redemptions').select('id').where('idempotency_key', '=', k).execute();
    expect(orders).toHaveLength(1);
    expect(await walletBalance(t, m.volunteerId)).toBe(95);
    expect((await stockOf(t, a.id)) + (await stockOf(t, b.id))).toBe(199);
  });

  it('refuses with 409 and changes nothing: points, stock, limits', async () => {
    const m = await makeMember(t, 50);
    const rice = await addGoods(s.clerk.client, s.siteId, { name: '大米', points: 40, stock: 3 });
    const towel = await addGoods(s.clerk.client, s.siteId, { name: '毛巾', points: 5, stock: 1 });
    const mug = await addGoods(s.clerk.client, s.siteId, {
      name: '水杯',
      points: 1,
      stock: 10,
      limitPerPerson: 2,
      limitPeriod: 'day',
    });
    const before = await counts();
    const poor = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: rice.id, qty: 2 }]);
    expect(poor.statusCode).toBe(409);
    expect(poor.json().error.code).toBe('INSUFFICIENT_POINTS');
    const short = await redeem(s.clerk.client, s.siteId, m.code(), [
      { goodsId: towel.id, qty: 2 },
      { goodsId: mug.id, qty: 1 },
    ]);
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('OUT_OF_STOCK');
    expect(await counts()).toEqual(before);
    expect(await walletBalance(t, m.volunteerId)).toBe(50);
    expect(await stockOf(t, rice.id)).toBe(3);
    expect(await stockOf(t, mug.id)).toBe(10);

    expect((await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: mug.id, qty: 2 }])).statusCode).toBe(201);
    const over = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: mug.id, qty: 1 }]);
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 2, period: 'day', used: 2 } });
    expect(await stockOf(t, mug.id)).toBe(8);
    expect(await walletBalance(t, m.volunteerId)).toBe(48);
    // The limit is per person: someone else may still take two.
    const n = await makeMember(t, 10);
    expect((await redeem(s.clerk.client, s.siteId, n.code(), [{ goodsId: mug.id, qty: 2 }])).statusCode).toBe(201);
  });

  it('counts the limit over the period and forgets reversed redemptions', async () => {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId, {
      name: '口罩',
      points: 1,
      limitPerPerson: 3,
      limitPeriod: 'ever',
    });
    const first = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 3 }]);
    expect(first.statusCode).toBe(201);
    // Last month's redemption counts for ever, not for this month.
    await t.tdb.db
      .updateTable('redemptions')
      .set({ created_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', first.json().id)
      .execute();
    expect((await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 1 }])).json().error.code).toBe(
      'LIMIT_REACHED',
    );
    expect(
      (await s.clerk.client.patch(`/api/v1/supermarkets/${s.siteId}/goods/${g.id}`, { limitPeriod: 'month' }))
        .statusCode,
    ).toBe(200);
    expect((await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 3 }])).statusCode).toBe(201);
    const blocked = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 1 }]);
    expect(blocked.json().error.code).toBe('LIMIT_REACHED');
    const last = (
      await t.tdb.db
        .selectFrom('redemptions')
        .select('id')
        .where('volunteer_id', '=', m.volunteerId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await s.manager.client.post(`/api/v1/redemptions/${last}/reverse`, { reason: '扫错了', idempotencyKey: key() }))
        .statusCode,
    ).toBe(200);
    expect((await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 1 }])).statusCode).toBe(201);
  });

  it('refuses forged, expired and unknown codes, withdrawn and repeated goods', async () => {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId);
    const items = [{ goodsId: g.id, qty: 1 }];
    const forged = await redeem(s.clerk.client, s.siteId, m.code().slice(0, -2) + 'xx', items);
    expect(forged.json().error.code).toBe('TOKEN_INVALID');
    const old = issueMemberCode(t.app.ctx.cipher, m.volunteerId, 30, testNow() - 10 * 60_000).token;
    expect((await redeem(s.clerk.client, s.siteId, old, items)).json().error.code).toBe('TOKEN_EXPIRED');
    const elsewhere = await addGoods(s.otherClerk.client, s.otherSiteId);
    const foreign = await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: elsewhere.id, qty: 1 }]);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.message).toContain('items.0.goodsId');
    const twice = await redeem(s.clerk.client, s.siteId, m.code(), [...items, ...items]);
    expect(twice.statusCode).toBe(400);
    await s.clerk.client.patch(`/api/v1/supermarkets/${s.siteId}/goods/${g.id}`, { active: false });
    expect((await redeem(s.clerk.client, s.siteId, m.code(), items)).statusCode).toBe(422);
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
  });

  it('looks a member up by a code in the body, never in the URL', async () => {
    const m = await makeMember(t, 70, '陈小美');
    const url = `/api/v1/supermarkets/${s.siteId}/member-lookup`;
    expect((await t.app.inject({ method: 'POST', url, payload: { memberCode: m.code() } })).statusCode).toBe(401);
    expect((await m.client.post(url, { memberCode: m.code() })).statusCode).toBe(403);
    expect((await s.otherClerk.client.post(url, { memberCode: m.code() })).statusCode).toBe(404);
    const res = await s.clerk.client.post(url, { memberCode: m.code() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ volunteerName: '陈*美', balance: 70 });
    expect(res.json().volunteerCode).toMatch(/\S/);
    expect(t.logs.text()).not.toContain(m.code().split('.').pop());
    const viaUrl = await s.clerk.client.get(
      `/api/v1/supermarkets/${s.siteId}/member?code=${encodeURIComponent(m.code())}`,
    );
    expect(viaUrl.statusCode).toBe(404);
  });
});
