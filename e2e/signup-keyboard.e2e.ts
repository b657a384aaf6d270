import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, publishedActivity, tabTo } from './support/service-helpers.js';
import { e2eNow } from './support/clock.js';

describe('keyboard only: sign up and cancel', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '王队长', password: 'leader-pass-1', ...uniquePerson() };

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
  });
  after(async () => {
    await fx?.close();
  });

  it('signs up and cancels by keyboard alone', async () => {
    const third = { name: '孙键盘', password: 'keyboard-pass-2', ...uniquePerson() };
    const v = await registerVolunteerByApi(fx.server.url, { ...third, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    await publishedActivity(lead, {
      title: '键盘报名测试活动',
      field: 'culture',
      start: e2eNow() + 2 * 24 * HOUR,
      hours: 2,
      capacity: 2,
    });

    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="login"]').waitFor();
    await tabTo(page, /^login$/);
    await page.keyboard.type(v.volunteerCode);
    await page.keyboard.press('Tab');
    await page.keyboard.type(third.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/me$/);
    await page.getByTestId('me-volunteer-code').waitFor();

    await tabTo(page, /^志愿活动$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/activities$/);
    await page.getByTestId('activity-card').first().waitFor();
    await tabTo(page, /^键盘报名测试活动$/, 60);
    await page.keyboard.press('Enter');
    await page.locator('#activity-title').waitFor();
    await tabTo(page, /^报名$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('my-signup-status').filter({ hasText: '已报名' }).waitFor();
    // Focus moves to the button that replaced the one pressed; cancelling is asked once more, in place.
    await page.waitForFunction(`document.activeElement?.textContent === '取消报名'`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'confirm-cancel-signup'`);
    await assertAccessible(page, 'cancelling a sign-up');
    await page.keyboard.press('Enter');
    await page.getByTestId('signup-button').waitFor();
    await page.getByRole('status').getByText('已取消报名').waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'signup-button'`);
    await context.close();
  });
});
