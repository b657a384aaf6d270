import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VOID_MINUTES } from '../../../common/contract/supermarkets.js';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
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

const MINUTE = 60_000;

describe.each(DIALECTS)('a clerk voids a redemption within 10 minutes on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;
  let clock: FrozenClock;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
  });
  afterEach(() => clock.restore());
  afterAll(() => closeAfterMany(t));

  /** A redemption of 2 × 15 points from a wallet of 100, made now by the clerk. */
  async function made() {
    const m = await makeMember(t, 100);
    const g = await addGoods(s.clerk.client, s.siteId, { name: '肥皂', points: 15, stock: 6 });
    const r = (await redeem(s.clerk.client, s.siteId, m.code(), [{ goodsId: g.id, qty: 2 }])).json();
    expect(await walletBalance(t, m.volunteerId)).toBe(70);
    return { m, g, r, url: `/api/v1/redemptions/${r.id}/void` };
  }

  it('gives points and stock back in one ledger reversal, audited; only the staff of that counter may', async () => {
    clock = freezeClock();
    const { m, g, r, url } = await made();
    const body = { reason: '商品拿错了', idempotencyKey: key() };
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await m.client.post(url, body)).statusCode).toBe(403);
    expect((await s.otherClerk.client.post(url, body)).statusCode).toBe(404);
    expect((await s.clerk.client.post('/api/v1/redemptions/nope/void', body)).statusCode).toBe(404);
    expect(await walletBalance(t, m.volunteerId)).toBe(70);

    const listed = (await s.clerk.client.get(`/api/v1/supermarkets/${s.siteId}/redemptions`)).json().items[0];
    expect(listed).toMatchObject({ id: r.id, voidableUntil: clock.iso(VOID_MINUTES * MINUTE) });

    clock.advance(VOID_MINUTES * MINUTE - 1000);
    const res = await s.clerk.client.post(url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: r.id, status: 'reversed', reverseReason: '商品拿错了' });
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect(await stockOf(t, g.id)).toBe(6);
    const txs = await t.tdb.db
      .selectFrom('point_transactions')
      .select(['id', 'reverses_id'])
      .where('reverses_id', 'is not', null)
      .where('actor_user_id', '=', s.clerk.userId)
      .execute();
    expect(txs).toHaveLength(1);
    const entries = await t.tdb.db
      .selectFrom('point_entries')
      .select('amount')
      .where('transaction_id', '=', txs[0]?.id ?? '')
      .execute();
    expect(entries.map((e) => e.amount).sort((a, b) => a - b)).toEqual([-30, 30]);
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', r.id)
      .execute();
    expect(audit).toEqual([{ action: 'redemption.void', actor_user_id: s.clerk.userId }]);

    expect((await s.clerk.client.post(url, body)).statusCode).toBe(200);
    expect((await s.clerk.client.post(url, { reason: '再作废一次', idempotencyKey: key() })).statusCode).toBe(409);
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
  });

  it('refuses a void after 10 minutes with nothing changed; a site manager can still reverse it', async () => {
    clock = freezeClock();
    const { m, g, r, url } = await made();
    clock.advance(VOID_MINUTES * MINUTE + 1000);
    const late = await s.clerk.client.post(url, { reason: '顾客反悔', idempotencyKey: key() });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ code: 'VOID_WINDOW_CLOSED', details: { minutes: VOID_MINUTES } });
    expect(await walletBalance(t, m.volunteerId)).toBe(70);
    expect(await stockOf(t, g.id)).toBe(4);
    expect(
      (await s.clerk.client.post(`/api/v1/redemptions/${r.id}/reverse`, { reason: '顾客反悔', idempotencyKey: key() }))
        .statusCode,
    ).toBe(403);
    const reversed = await s.manager.client.post(`/api/v1/redemptions/${r.id}/reverse`, {
      reason: '顾客反悔',
      idempotencyKey: key(),
    });
    expect(reversed.statusCode).toBe(200);
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect(await stockOf(t, g.id)).toBe(6);
  });

  it('puts the void and the counter PIN in the OpenAPI document', async () => {
    clock = freezeClock();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/redemptions/{id}/void', '/api/v1/me/pin']));
  });
});
