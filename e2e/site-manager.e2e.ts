import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { localDate } from '../src/common/zoned-time.js';
import { windowOf } from '../src/web/features/site-manager/calendar-window.js';
import { LoginPage } from './pages/login.page.js';
import { SiteManagerPage } from './pages/site-manager.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { e2eNow, PLATFORM_TIME_ZONE as TZ } from './support/clock.js';

const DEMO_PASSWORD = 'shanmei-demo';
const SITE_NAME = '渝中区新时代文明实践中心';
const DAY = 86_400_000;

interface CalendarEntry {
  title: string;
  start: string;
  activityStatus: string;
}

describe("the site manager's console", () => {
  let fx: Fixture & { close: () => Promise<void> };
  let manager: ApiCaller;
  let siteId = '';
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  before(async () => {
    fx = await openFixture({ demo: true });
    manager = await ApiCaller.login(fx.server.url, 'site.manager', DEMO_PASSWORD);
    siteId = (await manager.get<{ roles: { scopeId: string }[] }>('/me')).roles[0]?.scopeId ?? '';
    context = await newContext(fx.browser, fx.server.url);
    page = await context.newPage();
    errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await login.logIn('site.manager', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  });
  after(async () => {
    await context.close();
    await fx.close();
  });

  it('lands on my site from the menu and saves new opening hours', async () => {
    const site = new SiteManagerPage(page);
    await site.openFromMenu();
    assert.equal(await site.title().textContent(), SITE_NAME);
    assert.equal(await page.getByTestId('to-counter').count(), 0, 'a practice centre has no counter');

    await site.setOpeningHours('周二至周日 9:00-17:30，周一闭馆');
    await page.waitForFunction(`document.querySelector('[data-testid="site-save-status"]')?.textContent === '已保存'`);
    const saved = await manager.get<{ openingHours: string }>(`/sites/${siteId}`);
    assert.equal(saved.openingHours, '周二至周日 9:00-17:30，周一闭馆');

    await page.reload();
    await site.openingHours().waitFor();
    assert.equal(await site.openingHours().inputValue(), '周二至周日 9:00-17:30，周一闭馆');
    await assertAccessibleInEveryMode(page, 'site details', () => site.settled());
  });

  it('shows the demo activities held at the site in the week and month views', async () => {
    const site = new SiteManagerPage(page);
    await site.openSection('calendar');
    const from = e2eNow();
    const upcoming = await manager.get<{ items: CalendarEntry[] }>(
      `/sites/${siteId}/activities?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(from + 60 * DAY).toISOString())}`,
    );
    const first = upcoming.items[0];
    assert.ok(first, 'the demo holds activities at the site');
    assert.deepEqual(new Set(upcoming.items.map((i) => i.title)), new Set(['社区应急救护培训', '周末公益法律咨询']));

    // Week view: step forward to the week of the first one, weeks counted on the platform's calendar.
    const weekOf = (at: string | number) => Date.parse(windowOf('week', localDate(at, TZ), TZ).from);
    const weeks = Math.round((weekOf(first.start) - weekOf(from)) / (7 * DAY));
    await site.next(weeks);
    await site.shifts().filter({ hasText: first.title }).first().waitFor();
    assert.equal(await page.locator('[data-testid="calendar-days"] > li').count(), 7, 'a week shows seven days');
    await assertAccessibleInEveryMode(page, 'site calendar (week)', () => site.settled());

    // Month view: the month of the first one lists every demo shift in that month.
    await site.view('month');
    const month = windowOf('month', localDate(first.start, TZ), TZ);
    const inMonth = upcoming.items.filter((i) => i.start >= month.from && i.start < month.to).length;
    await page.waitForFunction(`document.querySelectorAll('[data-testid="calendar-shift"]').length === ${inMonth}`);
    assert.match((await site.shifts().first().textContent()) ?? '', /报名中|进行中/);
    assert.deepEqual(errors, []);
  });

  it('works by keyboard: the opening hours saved with Enter, the calendar stepped with the buttons', async () => {
    const site = new SiteManagerPage(page);
    await site.openSection('details');
    await site.openingHours().focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('每天 8:30-18:00');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('[data-testid="site-save-status"]')?.textContent === '已保存'`);
    assert.equal((await manager.get<{ openingHours: string }>(`/sites/${siteId}`)).openingHours, '每天 8:30-18:00');

    await site.openSection('calendar');
    const before = await site.range().textContent();
    await page.getByTestId('calendar-next').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      `document.querySelector('[data-testid="calendar-range"]')?.textContent !== ${JSON.stringify(before)}`,
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      `document.querySelector('[data-testid="calendar-range"]')?.textContent === ${JSON.stringify(before)}`,
    );
  });

  it('offers the counter to a manager of a points supermarket, picked among my sites', async () => {
    const admin = await ApiCaller.login(fx.server.url);
    const shop = (await admin.get<{ items: { id: string; name: string }[] }>('/sites?type=supermarket&region=500103'))
      .items[0];
    assert.ok(shop, 'the demo has a supermarket in 渝中区');
    const me = await manager.get<{ user: { id: string } }>('/me');
    await admin.post('/roles', { userId: me.user.id, role: 'site_manager', scopeType: 'site', scopeId: shop.id });

    const site = new SiteManagerPage(page);
    await page.goto('/site/details');
    await site.title().waitFor();
    await site.pickSite(shop.name);
    await page.waitForFunction(
      `document.querySelector('[data-testid="site-manager-title"]')?.textContent === ${JSON.stringify(shop.name)}`,
    );
    await page.getByTestId('to-counter').click();
    await page.waitForURL(/\/counter/);
    await page.getByTestId('counter-site').filter({ hasText: shop.name }).waitFor();
  });
});
