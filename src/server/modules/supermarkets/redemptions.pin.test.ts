import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { freezeClock } from '../../../../test/clock.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  addGoods,
  key,
  makeMember,
  makeSupermarketScene,
  redeem,
  setPin,
  stockOf,
  walletBalance,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';
import { RECEIPT_NO } from './receipt-no.js';
import { TOKEN_MINUTES } from './counter-token.js';

describe.each(DIALECTS)('the counter for volunteers without a smartphone on %s', (dialect) => {
  let t: TestApp;
  let s: SupermarketScene;
  let clock: ReturnType<typeof freezeClock> | undefined;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeSupermarketScene(t);
  });
  afterEach(() => clock?.restore());
  afterAll(() => closeAfterMany(t));

  const lookupUrl = () => `/api/v1/supermarkets/${s.siteId}/member-lookup`;

  it('looks a volunteer up by volunteer code or phone and PIN; the member token pays at this counter only', async () => {
    const m = await makeMember(t, 100, '王秀英');
    await setPin(m, '6203');
    const g = await addGoods(s.clerk.client, s.siteId, { name: '挂面', points: 20, stock: 10 });

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: lookupUrl(),
          payload: { volunteerCode: m.volunteerCode, pin: '6203' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await m.client.post(lookupUrl(), { volunteerCode: m.volunteerCode, pin: '6203' })).statusCode).toBe(403);
    expect(
      (await s.otherClerk.client.post(lookupUrl(), { volunteerCode: m.volunteerCode, pin: '6203' })).statusCode,
    ).toBe(404);

    const byCode = await s.clerk.client.post(lookupUrl(), { volunteerCode: m.volunteerCode, pin: '6203' });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({ volunteerName: '王*英', volunteerCode: m.volunteerCode, balance: 100 });
    const byPhone = await s.clerk.client.post(lookupUrl(), { phone: m.phone, pin: '6203' });
    expect(byPhone.json()).toMatchObject({ volunteerCode: m.volunteerCode, balance: 100 });
    const { memberToken } = byPhone.json();
    expect(memberToken).toMatch(/^P\./);
    // A scan answers no token: the rotating code itself is what the redemption carries.
    expect((await s.clerk.client.post(lookupUrl(), { memberCode: m.code() })).json().memberToken).toBeUndefined();

    // Another member of staff of the same counter, or a clerk elsewhere, cannot use the token.
    expect((await redeem(s.manager.client, s.siteId, memberToken, [{ goodsId: g.id, qty: 1 }])).json().error.code).toBe(
      'TOKEN_INVALID',
    );
    expect(
      (await redeem(s.otherClerk.client, s.otherSiteId, memberToken, [{ goodsId: g.id, qty: 1 }])).statusCode,
    ).toBe(422);
    const made = await redeem(s.clerk.client, s.siteId, memberToken, [{ goodsId: g.id, qty: 2 }]);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ points: 40, balanceAfter: 60 });
    expect(made.json().receiptNo).toMatch(RECEIPT_NO);
    expect(await walletBalance(t, m.volunteerId)).toBe(60);

    const logs = t.logs.text();
    expect(logs).not.toContain('6203');
    expect(logs).not.toContain(m.phone);
  });

  it('gives one refusal for a wrong PIN, an unknown code or phone and a volunteer without a PIN', async () => {
    const m = await makeMember(t, 50, '刘桂兰');
    const without = await makeMember(t, 50, '张建国');
    await setPin(m, '8351');
    const bodies = [
      { volunteerCode: m.volunteerCode, pin: '8350' },
      { phone: m.phone, pin: '8350' },
      { volunteerCode: 'NOBODY0001', pin: '8351' },
      { phone: '13912345678', pin: '8351' },
      { volunteerCode: without.volunteerCode, pin: '8351' },
      { phone: without.phone, pin: '8351' },
    ];
    const answers = [];
    for (const b of bodies) answers.push(await s.clerk.client.post(lookupUrl(), b));
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 422));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]?.json().error.code).toBe('PIN_REFUSED');
    for (const a of answers) expect(a.body).not.toMatch(/8350|8351|139\d{8}|1[3-9]\d{9}/);
  });

  it('redeems with volunteer code or phone and PIN in the redemption itself; a wrong PIN changes nothing', async () => {
    const m = await makeMember(t, 100, '陈淑芬');
    await setPin(m, '7140');
    const g = await addGoods(s.clerk.client, s.siteId, { name: '食用油', points: 30, stock: 5 });
    const url = `/api/v1/supermarkets/${s.siteId}/redemptions`;
    const items = [{ goodsId: g.id, qty: 1 }];

    const wrong = await s.clerk.client.post(url, {
      volunteerCode: m.volunteerCode,
      pin: '7141',
      items,
      idempotencyKey: key(),
    });
    expect(wrong.json().error.code).toBe('PIN_REFUSED');
    expect(await walletBalance(t, m.volunteerId)).toBe(100);
    expect(await stockOf(t, g.id)).toBe(5);

    const k = key();
    const byCode = await s.clerk.client.post(url, {
      volunteerCode: m.volunteerCode,
      pin: '7140',
      items,
      idempotencyKey: k,
    });
    expect(byCode.statusCode).toBe(201);
    const repeat = await s.clerk.client.post(url, {
      volunteerCode: m.volunteerCode,
      pin: '7140',
      items,
      idempotencyKey: k,
    });
    expect(repeat.json()).toEqual(byCode.json());
    const other = await makeMember(t, 100, '周明');
    const mismatch = await s.clerk.client.post(url, {
      volunteerCode: other.volunteerCode,
      pin: '7140',
      items,
      idempotencyKey: k,
    });
    expect(mismatch.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    const byPhone = await s.clerk.client.post(url, { phone: m.phone, pin: '7140', items, idempotencyKey: key() });
    expect(byPhone.statusCode).toBe(201);
    expect(byPhone.json().receiptNo).not.toBe(byCode.json().receiptNo);
    expect(await walletBalance(t, m.volunteerId)).toBe(40);
    expect(await stockOf(t, g.id)).toBe(3);

    for (const bad of [
      { memberCode: m.code(), volunteerCode: m.volunteerCode, pin: '7140' },
      { volunteerCode: m.volunteerCode },
      { memberCode: m.code(), pin: '7140' },
      { phone: '12345', pin: '7140' },
      { volunteerCode: m.volunteerCode, pin: '71' },
      {},
    ]) {
      const res = await s.clerk.client.post(url, { ...bad, items, idempotencyKey: key() });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.body).not.toContain('7140');
    }
    expect(await walletBalance(t, m.volunteerId)).toBe(40);
  });

  it('shows the receipt number in the lists; a member token runs out after 10 minutes', async () => {
    clock = freezeClock();
    const m = await makeMember(t, 100, '黄小红');
    await setPin(m, '2693');
    const g = await addGoods(s.clerk.client, s.siteId, { name: '毛巾', points: 10, stock: 10 });
    const token = (await s.clerk.client.post(lookupUrl(), { volunteerCode: m.volunteerCode, pin: '2693' })).json()
      .memberToken;
    const made = (await redeem(s.clerk.client, s.siteId, token, [{ goodsId: g.id, qty: 1 }])).json();
    const site = (await s.clerk.client.get(`/api/v1/supermarkets/${s.siteId}/redemptions`)).json();
    expect(site.items.find((r: { id: string }) => r.id === made.id)).toMatchObject({ receiptNo: made.receiptNo });
    const mine = (await m.client.get('/api/v1/me/redemptions')).json();
    expect(mine.items[0]).toMatchObject({ id: made.id, receiptNo: made.receiptNo });
    const all = await t.tdb.db.selectFrom('redemptions').select('receipt_no').execute();
    expect(new Set(all.map((r) => r.receipt_no)).size).toBe(all.length);

    clock.advance(TOKEN_MINUTES * 60_000 + 1000);
    const late = await redeem(s.clerk.client, s.siteId, token, [{ goodsId: g.id, qty: 1 }]);
    expect(late.json().error.code).toBe('TOKEN_EXPIRED');
    expect(await walletBalance(t, m.volunteerId)).toBe(90);
  });

  it('rate-limits one clerk’s wrong PINs across people, without telling anything about them', async () => {
    const scene = await makeSupermarketScene(t);
    const codes = [];
    for (let i = 0; i < 20; i++) {
      const res = await scene.clerk.client.post(`/api/v1/supermarkets/${scene.siteId}/member-lookup`, {
        volunteerCode: `GUESS${String(i).padStart(5, '0')}`,
        pin: '5308',
      });
      codes.push(res.json().error.code);
    }
    expect(new Set(codes)).toEqual(new Set(['PIN_REFUSED']));
    const m = await makeMember(t, 10, '吴大妈');
    await setPin(m, '5308');
    const blocked = await scene.clerk.client.post(`/api/v1/supermarkets/${scene.siteId}/member-lookup`, {
      volunteerCode: m.volunteerCode,
      pin: '5308',
    });
    expect(blocked.statusCode).toBe(429);
    // Another clerk is not held up.
    expect((await s.clerk.client.post(lookupUrl(), { volunteerCode: m.volunteerCode, pin: '5308' })).statusCode).toBe(
      200,
    );
  });
});
