import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CounterPage } from './pages/counter.page.js';
import { MePage } from './pages/me.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors, type ContextOptions } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { loggedIn } from './support/service-helpers.js';

/**
 * The two screens of the issue: a counter's laptop and the narrowest common phone, the flow in
 * Chinese on one and English on the other; at every step the page is also switched through the
 * header to the other language and to care mode and back (state kept), each checked by axe.
 */
const SCREENS: { name: string; opts: ContextOptions }[] = [
  { name: '1366×768, zh-CN', opts: { width: 1366, height: 768 } },
  { name: '360×740, English', opts: { width: 360, height: 740, lang: 'en' } },
];

/** What the PIN refusal says in each language: the page's language, never the server's English. */
const REFUSED = /柜台密码不符|counter PIN do not match/;

describe('a volunteer without a smartphone redeems at the counter with volunteer code and PIN', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let admin: ApiCaller;
  let siteId = '';
  const clerk = { name: '马店员', password: 'clerk-pass-2', ...uniquePerson() };

  before(async () => {
    fx = await openFixture();
    admin = await ApiCaller.login(fx.server.url);
    siteId = (
      await admin.post<{ id: string }>('/sites', {
        name: '较场口积分超市',
        type: 'supermarket',
        regionCode: '500103',
        address: '重庆市渝中区较场口',
        lat: 29.5528,
        lng: 106.5752,
      })
    ).id;
    const c = await registerVolunteerByApi(fx.server.url, { ...clerk, regionCode: '500103' });
    await admin.post('/roles', { userId: c.userId, role: 'clerk', scopeType: 'site', scopeId: siteId });
    const asClerk = await ApiCaller.login(fx.server.url, clerk.phone, clerk.password);
    await asClerk.post(`/supermarkets/${siteId}/goods`, { name: '老花镜', points: 40, stock: 10 });
  });
  after(async () => {
    await fx?.close();
  });

  for (const screen of SCREENS) {
    it(`at ${screen.name}: sets a PIN on the Me page, then the clerk redeems for them through the review step`, async () => {
      const narrow = (screen.opts.width ?? 1366) <= 360;
      const elder = { name: '何婆婆', password: 'elder-pass-1', ...uniquePerson('195003') };
      const v = await registerVolunteerByApi(fx.server.url, { ...elder, regionCode: '500103' });
      await admin.post(`/volunteers/${v.id}/points/adjustments`, {
        amount: 100,
        reason: '重阳节志愿服务奖励',
        idempotencyKey: `e2e-counter-pin-${v.id}`,
      });
      const balance = async () => (await admin.get<{ balance: number }>(`/volunteers/${v.id}/points`)).balance;
      /** Ready for axe, and at phone width also no sideways scroll, in whichever language and mode is on. */
      const ready = (page: Page, settle: () => Promise<void>, where: string) => async () => {
        // The header's switches were just clicked; on a phone the header reflows under the pointer, which
        // then hovers whatever landed there. The page is judged as read, not as hovered.
        await page.mouse.move(1, (screen.opts.height ?? 768) - 1);
        await settle();
        if (!narrow) return;
        const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
        assert.ok(width <= 360, `${where} scrolls sideways: ${width} px`);
      };

      // The volunteer (helped by a relative, say) sets the PIN on the Me page, by keyboard.
      const [vContext, vPage] = await loggedIn(fx, elder.phone, elder.password, screen.opts);
      const me = new MePage(vPage);
      const vErrors = watchErrors(vPage);
      await me.goto('/me');
      await me.waitUntilShown();
      await me.setCounterPinByKeyboard('305718');
      await assertAccessibleInEveryMode(
        vPage,
        'me page, counter PIN saved',
        ready(vPage, () => me.settled(), 'me'),
      );
      assert.deepEqual(vErrors, []);
      await vContext.close();

      // At the counter: no phone, so the volunteer code and the PIN.
      const [context, page] = await loggedIn(fx, clerk.phone, clerk.password, screen.opts);
      const counter = new CounterPage(page);
      const errors = watchErrors(page);
      const settle = ready(page, () => counter.settled(), 'counter');
      await counter.openSection('redeem');
      await counter.usePin();
      await assertAccessibleInEveryMode(page, 'counter, PIN look-up', settle);

      await counter.lookUpByPin(v.volunteerCode, '305719');
      await counter.error().filter({ hasText: REFUSED }).waitFor();
      await assertAccessibleInEveryMode(page, 'counter, PIN refused', settle);

      await counter.lookUpByPin(v.volunteerCode, '305718');
      await page.getByTestId('customer').waitFor();
      assert.equal((await counter.customerBalance().textContent())?.trim(), '100');
      await counter.setQty('老花镜', 2);
      await assertAccessibleInEveryMode(page, 'counter, basket by PIN', settle);

      await page.getByTestId('confirm-redemption').click();
      await page
        .getByTestId('redemption-review')
        .getByText(/100 → 20/)
        .waitFor();
      await assertAccessibleInEveryMode(page, 'counter, review', settle);
      assert.equal(await balance(), 100, 'nothing moves before the final yes');

      await page.getByTestId('confirm-redemption-final').click();
      await counter.receipt().waitFor();
      assert.match((await page.getByTestId('receipt-no').textContent()) ?? '', /[2-9A-HJKMNP-Z]{8}/);
      assert.match((await page.getByTestId('receipt-balance').textContent()) ?? '', /20/);
      await assertAccessibleInEveryMode(page, 'counter, receipt', settle);
      assert.equal(await balance(), 20);
      // The PIN never stays on screen.
      assert.equal(await page.getByTestId('pin-input').inputValue(), '');
      // The PIN refusal is a 422: the answer under test, not a fault.
      assert.deepEqual(
        errors.filter((e) => !/status of 422/.test(e)),
        [],
      );
      await context.close();
    });
  }
});
