import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
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

describe.each(DIALECTS)('reversal and own history on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
  });
  afterAll(() => closeAfterMany(t));

  it('lets an admin reverse once; the clerk cannot', async () => {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId, { name: '洗洁精', points: 15, stock: 4 });
    const made = (await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 2 }])).json();
    expect(await walletBalance(t, m.volunteerId)).toBe(70);
    const url = `/api/v1/redemptions/${made.id}/reverse`;
    const body = { reason: '志愿者退回商品', idempotencyKey: key() };
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await s.clerk.client.post(url, body)).statusCode).toBe(403);
    expect((await m.client.post(url, body)).statusCode).toBe(403);
    expect((await s.otherRegionAdmin.client.post(url, body)).statusCode).toBe(404);
    expect((await s.regionAdmin.client.post('/api/v1/redemptions/nope/reverse', body)).statusCode).toBe(404);
    expect((await s.regionAdmin.client.post(url, { reason: '', idempotencyKey: key() })).statusCode).toBe(400);

    const res = await s.regionAdmin.client.post(url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: made.id, status: 'reversed', reverseReason: '志愿者退回商品' });
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect(await stockOf(t, g.id)).toBe(4);
    const moves = await t.tdb.db
      .selectFrom('stock_movements')
      .select(['kind', 'delta'])
      .where('redemption_id', '=', made.id)
      .orderBy('id')
      .execute();
    expect(moves).toEqual([
      { kind: 'redemption', delta: -2 },
      { kind: 'reversal', delta: 2 },
    ]);
    const audit = await t.tdb.db.selectFrom('audit_log').selectAll().where('entity_id', '=', made.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['redemption.reverse']);
    expect(audit[0]?.actor_user_id).toBe(s.regionAdmin.userId);

    const repeat = await s.regionAdmin.client.post(url, body);
    expect(repeat.statusCode).toBe(200);
    const second = await s.manager.client.post(url, { reason: '再撤一次', idempotencyKey: key() });
    expect(second.statusCode).toBe(409);
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect(await stockOf(t, g.id)).toBe(4);
  });

  it('puts every endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/supermarkets/{siteId}/goods',
        '/api/v1/supermarkets/{siteId}/goods/{goodsId}',
        '/api/v1/supermarkets/{siteId}/goods/{goodsId}/stock',
        '/api/v1/supermarkets/{siteId}/goods/{goodsId}/movements',
        '/api/v1/supermarkets/{siteId}/member-lookup',
        '/api/v1/supermarkets/{siteId}/redemptions',
        '/api/v1/supermarkets/{siteId}/redemptions.xlsx',
        '/api/v1/supermarkets/{siteId}/stock.xlsx',
        '/api/v1/supermarkets/{siteId}/day-report',
        '/api/v1/redemptions/{id}/reverse',
        '/api/v1/me/redemptions',
      ]),
    );
  });

  it('shows a volunteer their own redemptions', async () => {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId, { name: '笔记本', points: 7 });
    for (let i = 0; i < 3; i++) await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 1 }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/redemptions' })).statusCode).toBe(401);
    expect((await s.clerk.client.get('/api/v1/me/redemptions')).statusCode).toBe(403);
    const page1 = (await m.client.get('/api/v1/me/redemptions?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]).toMatchObject({
      points: 7,
      balanceAfter: 79,
      siteName: '解放碑积分超市',
      status: 'completed',
    });
    expect(page1.items[0].items).toEqual([{ goodsId: g.id, name: '笔记本', qty: 1, points: 7 }]);
    const page2 = (await m.client.get(`/api/v1/me/redemptions?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect((await m.client.get('/api/v1/me/redemptions?cursor=forged')).statusCode).toBe(400);
  });
});
