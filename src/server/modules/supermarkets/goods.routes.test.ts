import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  addGoods,
  makeMember,
  makeSupermarketScene,
  stockOf,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';

describe.each(DIALECTS)('supermarket goods and stock on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;
  const goodsUrl = () => `/api/v1/supermarkets/${s.siteId}/goods`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
  });
  afterAll(() => closeAfterMany(t));

  it('adding goods follows the access checklist', async () => {
    const body = {
      name: '大米 5kg',
      points: 200,
      stock: 20,
      limitPerPerson: 1,
      limitPeriod: 'month',
      donor: '某爱心企业',
    };
    expect((await t.app.inject({ method: 'POST', url: goodsUrl(), payload: body })).statusCode).toBe(401);
    const volunteer = await makeMember(t);
    expect((await volunteer.client.post(goodsUrl(), body)).statusCode).toBe(403);
    expect((await s.otherClerk.client.post(goodsUrl(), body)).statusCode).toBe(404);
    expect((await s.otherRegionAdmin.client.post(goodsUrl(), body)).statusCode).toBe(404);
    expect((await s.clerk.client.post('/api/v1/supermarkets/nope/goods', body)).statusCode).toBe(404);
    const plain = await s.plainManager.client.post(`/api/v1/supermarkets/${s.plainSiteId}/goods`, body);
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error.message).toMatch(/siteId/);

    const res = await s.clerk.client.post(goodsUrl(), body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '大米 5kg',
      points: 200,
      stock: 20,
      limitPerPerson: 1,
      limitPeriod: 'month',
    });
    expect((await s.manager.client.post(goodsUrl(), { ...body, name: '食用油' })).statusCode).toBe(201);
    expect((await s.regionAdmin.client.post(goodsUrl(), { ...body, name: '毛巾' })).statusCode).toBe(201);

    // The opening stock is the first movement.
    const moves = await t.tdb.db
      .selectFrom('stock_movements')
      .selectAll()
      .where('goods_id', '=', res.json().id)
      .execute();
    expect(moves.map((m) => [m.kind, m.delta, m.stock_after])).toEqual([['initial', 20, 20]]);
  });

  it('refuses bad goods with a 400 naming the field', async () => {
    for (const [bad, field] of [
      [{ name: 'x', points: 0, stock: 1 }, 'points'],
      [{ name: 'x', points: 1.5, stock: 1 }, 'points'],
      [{ name: 'x', points: 1, stock: -1 }, 'stock'],
      [{ name: '', points: 1, stock: 1 }, 'name'],
      [{ name: 'x', points: 1, stock: 1, limitPeriod: 'fortnight' }, 'limitPeriod'],
      [{ name: 'x', points: 1, stock: 1, imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
      [{ name: 'x', points: 1, stock: 1, price: 3 }, 'price'],
    ] as const) {
      const res = await s.clerk.client.post(goodsUrl(), bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('shows the public catalogue without stock, and staff everything', async () => {
    const hidden = await addGoods(s.clerk.client, s.siteId, { name: '已下架', stock: 3 });
    expect((await s.clerk.client.patch(`${goodsUrl()}/${hidden.id}`, { active: false })).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: goodsUrl() });
    expect(pub.statusCode).toBe(200);
    const items = pub.json().items as { id: string; stock: number | null; available: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((g) => g.stock === null && g.available)).toBe(true);
    expect(items.some((g) => g.id === hidden.id)).toBe(false);

    const staffView = (await s.clerk.client.get(goodsUrl())).json().items as { id: string; stock: number | null }[];
    expect(staffView.find((g) => g.id === hidden.id)?.stock).toBe(3);
    // The clerk of another supermarket is the public here.
    const other = (await s.otherClerk.client.get(goodsUrl())).json().items as { stock: number | null }[];
    expect(other.every((g) => g.stock === null)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/supermarkets/${s.plainSiteId}/goods` })).statusCode).toBe(
      404,
    );
  });

  it('changes price, limits and the active flag', async () => {
    const g = await addGoods(s.clerk.client, s.siteId, { name: '牙膏', points: 30 });
    const url = `${goodsUrl()}/${g.id}`;
    expect((await t.app.inject({ method: 'PATCH', url, payload: { points: 5 } })).statusCode).toBe(401);
    expect((await s.otherClerk.client.patch(url, { points: 5 })).statusCode).toBe(404);
    expect((await s.clerk.client.patch(`${goodsUrl()}/nope`, { points: 5 })).statusCode).toBe(404);
    expect((await s.clerk.client.patch(url, { stock: 5 })).statusCode).toBe(400);
    const res = await s.clerk.client.patch(url, { points: 25, limitPerPerson: 2, limitPeriod: 'week' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ points: 25, limitPerPerson: 2, limitPeriod: 'week', active: true });
    const cleared = await s.clerk.client.patch(url, { limitPerPerson: null });
    expect(cleared.json()).toMatchObject({ limitPerPerson: null, limitPeriod: null });
  });

  it('moves stock in and out with reasons, never below zero', async () => {
    const g = await addGoods(s.clerk.client, s.siteId, { name: '雨伞', stock: 5 });
    const url = `${goodsUrl()}/${g.id}/stock`;
    expect((await t.app.inject({ method: 'POST', url, payload: { delta: 1, reason: 'x' } })).statusCode).toBe(401);
    expect((await s.otherClerk.client.post(url, { delta: 1, reason: '捐赠' })).statusCode).toBe(404);
    expect((await s.clerk.client.post(url, { delta: 0, reason: '无' })).statusCode).toBe(400);
    expect((await s.clerk.client.post(url, { delta: 3 })).statusCode).toBe(400);

    const inRes = await s.clerk.client.post(url, { delta: 10, reason: '爱心企业捐赠' });
    expect(inRes.statusCode).toBe(201);
    expect(inRes.json().goods.stock).toBe(15);
    expect(inRes.json().movement).toMatchObject({ kind: 'in', delta: 10, stockAfter: 15, reason: '爱心企业捐赠' });
    const out = await s.manager.client.post(url, { delta: -4, reason: '过期报损' });
    expect(out.json().movement).toMatchObject({ kind: 'out', delta: -4, stockAfter: 11 });

    const tooMuch = await s.clerk.client.post(url, { delta: -12, reason: '盘亏' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe('OUT_OF_STOCK');
    expect(await stockOf(t, g.id)).toBe(11);

    // The history, newest first, page by page, for staff only.
    const hist = `${goodsUrl()}/${g.id}/movements`;
    expect((await t.app.inject({ method: 'GET', url: hist })).statusCode).toBe(401);
    expect((await s.otherClerk.client.get(hist)).statusCode).toBe(404);
    expect((await s.clerk.client.get(`${goodsUrl()}/nope/movements`)).statusCode).toBe(404);
    const page1 = (await s.clerk.client.get(`${hist}?limit=2`)).json();
    expect(page1.items.map((m: { kind: string }) => m.kind)).toEqual(['out', 'in']);
    const page2 = (await s.clerk.client.get(`${hist}?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((m: { kind: string }) => m.kind)).toEqual(['initial']);
    expect(page2.nextCursor).toBeNull();

    // The cached stock is what the movements sum to.
    const moves = await t.tdb.db.selectFrom('stock_movements').select(['delta']).where('goods_id', '=', g.id).execute();
    expect(moves.reduce((n, m) => n + m.delta, 0)).toBe(11);
    expect(moves).toHaveLength(3);
  });
});
