import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { CounterPage } from './pages/counter.page.js';
import { LoginPage } from './pages/login.page.js';
import { PointRulesPage } from './pages/point-rules.page.js';
import { PointsPage } from './pages/points.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

interface Goods {
  id: string;
  name: string;
  stock: number | null;
  points: number;
  active: boolean;
}

async function loggedIn(fx: Fixture, login: string, password: string): Promise<[BrowserContext, Page]> {
  const context = await newContext(fx.browser, fx.server.url);
  const page = await context.newPage();
  const form = new LoginPage(page);
  await form.open();
  await form.logIn(login, password);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return [context, page];
}

describe('points supermarket counter, my points and point rules', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let admin: ApiCaller;
  let siteId = '';
  let volunteerId = '';
  const clerk = { name: '孙店员', password: 'clerk-pass-1', ...uniquePerson() };
  const manager = { name: '周站长', password: 'manager-pass-1', ...uniquePerson() };
  const volunteer = { name: '陈善美', password: 'volunteer-pass-1', ...uniquePerson() };
  const staff = async (p: typeof clerk, role: 'clerk' | 'site_manager') => {
    const v = await registerVolunteerByApi(fx.server.url, { ...p, regionCode: '500103' });
    await admin.post('/roles', { userId: v.userId, role, scopeType: 'site', scopeId: siteId });
  };
  /** The volunteer's current rotating member code, as their phone would show it. */
  const memberCode = async () => {
    const v = await ApiCaller.login(fx.server.url, volunteer.phone, volunteer.password);
    return (await v.get<{ token: string }>('/me/member-code')).token;
  };
  const goods = async () =>
    (
      await (
        await ApiCaller.login(fx.server.url, clerk.phone, clerk.password)
      ).get<{ items: Goods[] }>(`/supermarkets/${siteId}/goods`)
    ).items;
  const balance = async () => (await admin.get<{ balance: number }>(`/volunteers/${volunteerId}/points`)).balance;

  before(async () => {
    fx = await openFixture();
    admin = await ApiCaller.login(fx.server.url);
    const site = await admin.post<{ id: string }>('/sites', {
      name: '七星岗街道积分超市',
      type: 'supermarket',
      regionCode: '500103',
      address: '重庆市渝中区七星岗',
      lat: 29.5564,
      lng: 106.5617,
    });
    siteId = site.id;
    await staff(clerk, 'clerk');
    await staff(manager, 'site_manager');
    volunteerId = (await registerVolunteerByApi(fx.server.url, { ...volunteer, regionCode: '500103' })).id;
    // Points through the API: an admin adjustment with a reason.
    await admin.post(`/volunteers/${volunteerId}/points/adjustments`, {
      amount: 100,
      reason: '志愿服务表彰奖励',
      idempotencyKey: 'e2e-counter-grant-1',
    });
  });
  after(async () => {
    await fx?.close();
  });

  it('the clerk adds goods and redeems; balance and stock drop; a refusal changes nothing; no reversal for a clerk', async () => {
    const [context, page] = await loggedIn(fx, clerk.phone, clerk.password);
    const errors = watchErrors(page);
    const counter = new CounterPage(page);
    await counter.openSection('goods');
    await counter.addGoods({ name: '环保购物袋', points: 30, stock: 10 });
    await counter.addGoods({ name: '东北大米', points: 80, stock: 5 });
    await assertAccessibleInEveryMode(page, 'counter goods', () => counter.settled());

    await counter.openSection('redeem');
    await assertAccessibleInEveryMode(page, 'counter (empty)', () => counter.settled());
    await counter.lookUp(await memberCode());
    assert.equal((await counter.customerBalance().textContent())?.trim(), '100');
    await counter.setQty('环保购物袋', 2);
    await assertAccessibleInEveryMode(page, 'counter with a customer', () => counter.settled());
    await counter.confirm();
    await counter.receipt().waitFor();
    assert.match((await page.getByTestId('receipt-balance').textContent()) ?? '', /40/);
    assert.equal(await balance(), 40);
    assert.equal((await goods()).find((g) => g.name === '环保购物袋')?.stock, 8);
    await assertAccessibleInEveryMode(page, 'counter receipt', () => counter.settled());

    // 80 points for rice with 40 left: said at once, and 确认兑换 cannot be pressed; nothing moves.
    await counter.lookUp(await memberCode());
    assert.equal((await counter.customerBalance().textContent())?.trim(), '40');
    await counter.setQty('东北大米', 1);
    await page.getByText('超过志愿者的积分余额').waitFor();
    assert.ok(await page.getByTestId('confirm-redemption').isDisabled());
    await assertAccessibleInEveryMode(page, 'counter over the balance', () => counter.settled());
    assert.equal(await balance(), 40);
    assert.equal((await goods()).find((g) => g.name === '东北大米')?.stock, 5);

    await counter.openSection('goods');
    assert.equal(await counter.stockOf('环保购物袋'), 8);
    await counter.openSection('redemptions');
    await counter.tableRows().first().waitFor();
    assert.equal(await counter.reverseButtons().count(), 0);
    await assertAccessibleInEveryMode(page, 'counter redemptions (clerk)', () => counter.settled());
    await counter.openSection('report');
    await page.getByTestId('report-redemptions').filter({ hasText: '1' }).waitFor();
    assert.equal((await page.getByTestId('report-points').textContent())?.trim(), '60');
    await assertAccessibleInEveryMode(page, 'counter day report', () => counter.settled());
    // The refusal's 409 is the answer under test, not a fault.
    assert.deepEqual(
      errors.filter((e) => !/status of 409/.test(e)),
      [],
    );
    await context.close();
  });

  it('the volunteer sees the redemption and the statement with running balances', async () => {
    const [context, page] = await loggedIn(fx, volunteer.phone, volunteer.password);
    const errors = watchErrors(page);
    const points = new PointsPage(page);
    await points.openStatement();
    assert.equal(await points.balance(), 40);
    await points.statementItems().nth(1).waitFor();
    const first = (await points.statementItems().first().textContent()) ?? '';
    assert.match(first, /兑换商品/);
    assert.match(first, /-60/);
    assert.match(first, /余额 40/);
    const second = (await points.statementItems().nth(1).textContent()) ?? '';
    assert.match(second, /\+100/);
    assert.match(second, /志愿服务表彰奖励/);
    await assertAccessibleInEveryMode(page, 'my points', () => points.settled());
    await points.openRedemptions();
    const card = points.redemptionItems().first();
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /七星岗街道积分超市[\s\S]*环保购物袋 × 2/);
    await assertAccessibleInEveryMode(page, 'my redemptions', () => points.settled());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the site manager reverses a redemption with a reason; points and stock come back', async () => {
    const [context, page] = await loggedIn(fx, manager.phone, manager.password);
    const errors = watchErrors(page);
    const counter = new CounterPage(page);
    await counter.openSection('redemptions');
    await counter.reverseButtons().first().waitFor();
    await assertAccessibleInEveryMode(page, 'counter redemptions (site manager)', () => counter.settled());
    await counter.reverseButtons().first().click();
    await page.locator('#reverse-reason').fill('志愿者退回商品');
    await counter.settled();
    await assertAccessible(page, 'reverse dialog');
    await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await counter.tableRows().filter({ hasText: '志愿者退回商品' }).waitFor();
    assert.equal(await balance(), 100);
    assert.equal((await goods()).find((g) => g.name === '环保购物袋')?.stock, 10);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keyboard only: type the member code, pick a quantity, confirm', async () => {
    const [context, page] = await loggedIn(fx, clerk.phone, clerk.password);
    const counter = new CounterPage(page);
    await page.goto('/counter/redeem');
    await counter.memberCodeInput().waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'member-code-input'`);
    await page.keyboard.type(await memberCode());
    await page.keyboard.press('Enter');
    await page.getByTestId('customer').waitFor();
    // Focus lands on the first quantity field.
    await page.waitForFunction(`document.activeElement?.getAttribute('role') === 'spinbutton'`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.getByTestId('basket-total').filter({ hasText: '30' }).waitFor();
    await counter.tabTo(/^确认兑换$|^确 认 兑 换$/);
    await page.keyboard.press('Enter');
    // The clerk is shown the balance before and after, with the focus on the final yes.
    await page.getByTestId('redemption-review').getByText('余额 100 → 70').waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'confirm-redemption-final'`);
    await page.keyboard.press('Enter');
    await counter.receipt().waitFor();
    assert.match((await page.getByTestId('receipt-balance').textContent()) ?? '', /70/);
    // Ready for the next customer: the code field has the focus again.
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'member-code-input'`);
    assert.equal(await balance(), 70);
    await context.close();
  });

  it('a lost answer is retried with the same key and pays once; stock in with a reason shows in the history', async () => {
    const [context, page] = await loggedIn(fx, clerk.phone, clerk.password);
    const counter = new CounterPage(page);
    const before = await balance();
    const bagsBefore = (await goods()).find((g) => g.name === '环保购物袋')?.stock ?? 0;
    // The first redemption reaches the server, but its answer is lost on the way back.
    let lost = false;
    await page.route('**/api/v1/supermarkets/*/redemptions', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await counter.openSection('redeem');
    await counter.lookUp(await memberCode());
    await counter.setQty('环保购物袋', 1);
    await counter.confirm();
    await counter.receipt().waitFor();
    assert.ok(lost);
    assert.equal(await balance(), before - 30);
    assert.equal((await goods()).find((g) => g.name === '环保购物袋')?.stock, bagsBefore - 1);
    await page.unroute('**/api/v1/supermarkets/*/redemptions');

    await counter.openSection('goods');
    await page.getByRole('button', { name: /出入库\s*东北大米/ }).click();
    await page.locator('#stock_qty').fill('3');
    await page.locator('#stock_reason').fill('爱心企业捐赠');
    await page.getByTestId('stock-submit').click();
    await counter.successNotice().filter({ hasText: '东北大米' }).waitFor();
    await counter.waitForStock('东北大米', 8);
    await page.getByRole('button', { name: /库存记录\s*东北大米/ }).click();
    await page.getByTestId('movements').getByText('爱心企业捐赠').waitFor();
    await counter.settled();
    await assertAccessible(page, 'stock history dialog');
    await page.keyboard.press('Escape');

    // A new price and withdrawn from the counter: the catalogue says so and the basket leaves it out.
    await page.getByRole('button', { name: /编辑\s*东北大米/ }).click();
    await page.locator('#goods-edit_points').fill('100');
    await page.locator('#goods-edit_active').click();
    await page.getByTestId('goods-edit-submit').click();
    await counter.successNotice().filter({ hasText: '已保存' }).waitFor();
    const rice = (await goods()).find((g) => g.name === '东北大米');
    assert.deepEqual([rice?.points, rice?.active], [100, false]);
    await counter.tableRows().filter({ hasText: '东北大米' }).filter({ hasText: '下架' }).waitFor();
    await counter.openSection('redeem');
    await counter.lookUp(await memberCode());
    assert.equal(await page.getByTestId('qty-东北大米').count(), 0);
    await context.close();
  });

  it('an admin creates a point rule in the console; the adjustment page is accessible', async () => {
    const [context, page] = await loggedIn(fx, 'admin', 'e2e-admin-password-1');
    const errors = watchErrors(page);
    const rules = new PointRulesPage(page);
    await rules.openRules();
    await assertAccessibleInEveryMode(page, 'point rules', () => rules.settled());
    await rules.createRegionRule(['重庆市', '渝中区'], 12);
    await rules.tableRows().filter({ hasText: '渝中区' }).filter({ hasText: '12' }).waitFor();
    const listed = await admin.get<{ items: { scopeId: string; pointsPerHour: number }[] }>('/point-rules');
    assert.ok(listed.items.some((r) => r.scopeId === '500103' && r.pointsPerHour === 12));
    await rules.openAdjustments();
    await rules.chooseVolunteer(volunteer.phone, volunteer.name);
    const before = await balance();
    assert.equal(Number(await page.getByTestId('adjust-balance').textContent()), before);
    await assertAccessibleInEveryMode(page, 'points adjustments', () => rules.settled());
    await page.locator('#adjust_amount').fill('5');
    await page.locator('#adjust_reason').fill('活动补贴');
    await page.getByTestId('adjust-submit').click();
    await rules.successNotice().waitFor();
    assert.equal(await balance(), before + 5);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
