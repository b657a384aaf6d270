import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { localDate } from '../../../common/zoned-time.js';
import {
  addGoods,
  key,
  makeMember,
  makeSupermarketScene,
  redeem,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';
import { testNow } from '../../../../test/clock.js';

async function workbook(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}

const sheetRows = (ws: ExcelJS.Worksheet | undefined): unknown[][] => {
  const rows: unknown[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe.each(DIALECTS)('supermarket reports and exports on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;
  let soap: { id: string };
  let oil: { id: string };
  const ids: string[] = [];
  const base = () => `/api/v1/supermarkets/${s.siteId}`;

  // Local 1 December 23:59 and 2 December 00:01 in Shanghai, on either side of midnight.
  const LATE = '2026-12-01T15:59:00.000Z';
  const EARLY = '2026-12-01T16:01:00.000Z';

  const backdate = async (redemptionId: string, at: string) => {
    await t.tdb.db.updateTable('redemptions').set({ created_at: at }).where('id', '=', redemptionId).execute();
    await t.tdb.db
      .updateTable('stock_movements')
      .set({ created_at: at })
      .where('redemption_id', '=', redemptionId)
      .execute();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
    const m = await makeMember(t, 1000, '王小二');
    soap = await addGoods(s.clerk.client, s.siteId, { name: '香皂', points: 10, stock: 50 });
    oil = await addGoods(s.clerk.client, s.siteId, { name: '食用油', points: 40, stock: 10 });
    for (const items of [
      [{ goodsId: soap.id, qty: 2 }],
      [
        { goodsId: soap.id, qty: 1 },
        { goodsId: oil.id, qty: 1 },
      ],
      [{ goodsId: oil.id, qty: 2 }],
      [{ goodsId: soap.id, qty: 5 }],
    ]) {
      ids.push((await redeem(s.clerk.client, s.siteId, m.code(), items)).json().id);
    }
    await backdate(ids[0] as string, LATE);
    await backdate(ids[1] as string, LATE);
    await backdate(ids[2] as string, LATE);
    await backdate(ids[3] as string, EARLY);
    // One of 1 December's is reversed; a stock-in and a stock-out on 1 December too.
    await s.manager.client.post(`/api/v1/redemptions/${ids[2]}/reverse`, { reason: '退货', idempotencyKey: key() });
    const stockIn = (
      await s.clerk.client.post(`${base()}/goods/${soap.id}/stock`, { delta: 20, reason: '捐赠' })
    ).json();
    const stockOut = (
      await s.clerk.client.post(`${base()}/goods/${oil.id}/stock`, { delta: -3, reason: '报损' })
    ).json();
    for (const id of [stockIn.movement.id, stockOut.movement.id]) {
      await t.tdb.db.updateTable('stock_movements').set({ created_at: LATE }).where('id', '=', id).execute();
    }
  });
  afterAll(() => closeAfterMany(t));

  it('reports a local day: redemptions, points, units per goods, stock in and out', async () => {
    const url = `${base()}/day-report?date=2026-12-01`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await (await makeMember(t)).client.get(url)).statusCode).toBe(403);
    expect((await s.otherClerk.client.get(url)).statusCode).toBe(404);
    expect((await s.clerk.client.get(`${base()}/day-report?date=2026-12-32`)).statusCode).toBe(400);

    const day = (await s.clerk.client.get(url)).json();
    expect(day).toMatchObject({
      date: '2026-12-01',
      redemptions: 2,
      reversed: 1,
      points: 70,
      stockIn: 20,
      stockOut: 3,
    });
    const byName = Object.fromEntries(day.goods.map((g: { name: string }) => [g.name, g]));
    expect(byName['香皂']).toMatchObject({ redeemed: 3, points: 30, stockIn: 20, stockOut: 0 });
    expect(byName['食用油']).toMatchObject({ redeemed: 1, points: 40, stockIn: 0, stockOut: 3 });

    const next = (await s.clerk.client.get(`${base()}/day-report?date=2026-12-02`)).json();
    expect(next).toMatchObject({ redemptions: 1, reversed: 0, points: 50, stockIn: 0, stockOut: 0 });
    expect(next.goods).toEqual([{ goodsId: soap.id, name: '香皂', redeemed: 5, points: 50, stockIn: 0, stockOut: 0 }]);

    // Today (local) has the opening stock of both goods only.
    const today = (
      await s.clerk.client.get(`${base()}/day-report?date=${localDate(testNow(), 'Asia/Shanghai')}`)
    ).json();
    expect(today).toMatchObject({ redemptions: 0, stockIn: 60 });
  });

  it('lists redemptions by local days, newest first, page by page', async () => {
    expect((await s.otherClerk.client.get(`${base()}/redemptions`)).statusCode).toBe(404);
    expect((await s.clerk.client.get(`${base()}/redemptions?from=2026-12-02&to=2026-12-01`)).statusCode).toBe(400);
    const one = (await s.clerk.client.get(`${base()}/redemptions?from=2026-12-01&to=2026-12-01&limit=2`)).json();
    expect(one.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(one.items[0]).toMatchObject({ status: 'reversed', reverseReason: '退货', volunteerName: '王*二' });
    const two = (
      await s.clerk.client.get(`${base()}/redemptions?from=2026-12-01&to=2026-12-01&limit=2&cursor=${one.nextCursor}`)
    ).json();
    expect(two.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(two.nextCursor).toBeNull();
    const all = (await s.clerk.client.get(`${base()}/redemptions`)).json();
    expect(all.items).toHaveLength(4);
  });

  it('exports redemptions as .xlsx, parsed back', async () => {
    const url = `${base()}/redemptions.xlsx?from=2026-12-01&to=2026-12-02`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await s.otherClerk.client.get(url)).statusCode).toBe(404);
    const res = await s.clerk.client.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = sheetRows((await workbook(res.rawPayload)).worksheets[0]);
    expect(rows[0]?.[0]).toContain('Redemption');
    const lines = rows.slice(1);
    // One line per goods of each order: 1 + 2 + 1 + 1.
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l[3] === '王*二')).toBe(true);
    expect(lines.filter((l) => l[8] === 'reversed')).toHaveLength(1);
    expect(lines.reduce((n, l) => n + Number(l[6]), 0)).toBe(20 + 50 + 80 + 50);
  });

  it('exports goods and stock movements as .xlsx, parsed back', async () => {
    const res = await s.clerk.client.get(`${base()}/stock.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    const goods = sheetRows(wb.worksheets[0]).slice(1);
    expect(goods.map((g) => [g[1], g[3]])).toEqual([
      ['香皂', 50 - 8 + 20],
      ['食用油', 10 - 1 - 3],
    ]);
    const moves = sheetRows(wb.worksheets[1]).slice(1);
    // 2 opening, 5 redemption lines, 1 reversal (the 2 oil back), 1 in, 1 out.
    expect(moves).toHaveLength(2 + 5 + 1 + 2);
    expect(moves.map((m) => m[2]).sort()).toEqual(
      [
        'in',
        'initial',
        'initial',
        'out',
        'redemption',
        'redemption',
        'redemption',
        'redemption',
        'redemption',
        'reversal',
      ].sort(),
    );
  });
});
