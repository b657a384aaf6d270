import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { loggedIn } from './support/service-helpers.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 768 };

/** Fails when the page scrolls sideways at its width. */
async function noSideScroll(page: Page, where: string): Promise<void> {
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
}

/** The tab marked as the current page, by its visible name. */
async function currentTab(page: Page): Promise<string> {
  return ((await page.getByTestId('tab-bar').locator('[aria-current="page"]').textContent()) ?? '').trim();
}

describe('the volunteer’s bottom tab bar', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const person = { name: '郑标签', password: 'tabbar-pass-1', ...uniquePerson() };
  before(async () => {
    fx = await openFixture();
    await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
  });
  after(async () => {
    await fx?.close();
  });

  it('stands at the bottom of a 360 px phone, marks the current tab and leads to each place', async () => {
    const [context, page] = await loggedIn(fx, person.phone, person.password, PHONE);
    const errors = watchErrors(page);
    await page.waitForURL(/\/me$/);
    const bar = page.getByRole('navigation', { name: '快捷导航' });
    await bar.waitFor();
    assert.equal(await currentTab(page), '我的');

    // Fixed to the bottom edge of the screen, whatever the page's length.
    const box = await bar.boundingBox();
    assert.ok(box && Math.abs(box.y + box.height - PHONE.height) <= 1, `tab bar at ${JSON.stringify(box)}`);

    const tabs: [string, RegExp, string][] = [
      ['活动', /\/activities$/, 'main h1'],
      ['签到', /\/checkin$/, 'input[name="kind"]'],
      ['我的积分', /\/me\/points$/, '[data-testid="points-balance"]'],
      ['我的', /\/me$/, '[data-testid="me-volunteer-code"]'],
    ];
    for (const [name, url, ready] of tabs) {
      await bar.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(url);
      await page.locator(ready).first().waitFor();
      // The marked tab follows the route as it renders: wait for it rather than read it once.
      await page.getByTestId('tab-bar').locator('[aria-current="page"]', { hasText: name }).first().waitFor();
      assert.equal(await currentTab(page), name);
      await noSideScroll(page, name);
      // The page's end is not hidden behind the bar: scrolled to the end, the footer's bottom is
      // above the bar's top. Asked again until the page has loaded (a list still arriving moves
      // the end further down); without the padding it never holds.
      await page
        .waitForFunction(
          `(() => {
            window.scrollTo(0, document.documentElement.scrollHeight);
            const footer = document.querySelector('.app-footer').getBoundingClientRect();
            const bar = document.querySelector('[data-testid="tab-bar"]').getBoundingClientRect();
            return footer.bottom <= bar.top + 1;
          })()`,
          undefined,
          { timeout: 5000, polling: 100 },
        )
        .catch(() => assert.fail(`${name}: the footer is under the bar`));
    }

    // The keyboard reaches the tabs, in order, and Enter follows one.
    await page.getByTestId('tab-bar').getByRole('link', { name: '我的', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent?.trim()'), '我的积分');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/me\/points$/);

    await assertAccessibleInEveryMode(page, 'the points page with the tab bar', async () => {
      await page.locator('[data-testid="points-balance"]').waitFor();
      await bar.or(page.getByRole('navigation', { name: 'Quick links' })).waitFor();
      await noSideScroll(page, 'the points page');
    });

    // English and care mode: the same four tabs, larger, still no sideways scroll.
    await page.getByTestId('care-mode-switch').click();
    await page.getByTestId('language-switch').click();
    const en = page.getByRole('navigation', { name: 'Quick links' });
    await en.waitFor();
    assert.deepEqual(
      (await en.getByRole('link').allTextContents()).map((s) => s.trim()),
      ['Activities', 'Check in', 'My points', 'Me'],
    );
    assert.equal(await currentTab(page), 'My points');
    const fontSize = Number(
      await page.evaluate('parseFloat(getComputedStyle(document.querySelector(".tab-bar-item")).fontSize)'),
    );
    assert.ok(fontSize >= 16, `care mode tab text is ${fontSize}px`);
    await en.getByRole('link', { name: 'Activities', exact: true }).click();
    await page.waitForURL(/\/activities$/);
    await noSideScroll(page, 'the activities page in care mode');

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is not there at 1366 px, nor for someone logged out', async () => {
    const [context, page] = await loggedIn(fx, person.phone, person.password, DESKTOP);
    await page.waitForURL(/\/me$/);
    await page.locator('[data-testid="me-volunteer-code"]').waitFor();
    assert.equal(await page.getByTestId('tab-bar').isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: '快捷导航' }).count(), 0);
    await page.setViewportSize(PHONE);
    await page.getByRole('navigation', { name: '快捷导航' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '登录', exact: true }).first().waitFor();
    assert.equal(await page.getByTestId('tab-bar').count(), 0);
    await context.close();
  });
});
