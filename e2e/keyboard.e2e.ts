import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

/** Presses Tab until the focused element's text (or accessible name) matches, failing after `max` presses. */
async function tabTo(page: Page, match: RegExp, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = (await page.evaluate(
      `(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '') : ''; })()`,
    )) as string;
    if (match.test(label.trim())) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

describe('keyboard only', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('skip link, care mode, log in and reach the Me page without a mouse', async () => {
    const person = uniquePerson();
    const v = await registerVolunteerByApi(fx.server.url, {
      name: '赵键盘',
      password: 'keyboard-pass-1',
      regionCode: '500103',
      ...person,
    });
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('#hero-title').waitFor();

    // The first Tab reaches the skip link, which moves focus into <main>.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.className'), 'skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction('location.hash === "#main"');

    // Care mode by keyboard: Space on the header switch.
    await page.goto('/');
    await page.locator('#hero-title').waitFor();
    await tabTo(page, /^关怀版$/);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate('document.documentElement.classList.contains("care-mode")'), true);

    await page.goto('/');
    await page.locator('#hero-title').waitFor();
    await tabTo(page, /^登录$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login$/);
    await tabTo(page, /^login$/);
    await page.keyboard.type(v.volunteerCode);
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard-pass-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/me$/);
    await page.getByTestId('me-volunteer-code').waitFor();
    assert.equal((await page.getByTestId('me-volunteer-code').textContent())?.trim(), v.volunteerCode);
    await context.close();
  });
});
