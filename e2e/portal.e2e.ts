import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PortalPage } from './pages/portal.page.js';
import { SitesMapPage } from './pages/sites-map.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeSites } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';

describe('portal and sites map', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
    await arrangeSites(await ApiCaller.login(fx.server.url));
  });
  after(async () => {
    await fx?.close();
  });

  it('shows the service fields, the sites and the ways in, accessibly in both languages and care mode', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const portal = new PortalPage(page);
    await portal.open();
    assert.equal(await portal.htmlLang(), 'zh-CN');
    assert.equal(await portal.fieldCards().count(), 11);
    assert.equal(await portal.fieldCards().first().textContent(), '理论宣讲');
    assert.equal(await portal.siteCards().count(), 3);
    for (const name of ['登录', '注册志愿者', '阵地地图']) await portal.navLink(name).waitFor();
    await assertAccessibleInEveryMode(page, 'portal', () => portal.settled());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws the sites on a plain map with a list beside it, filtered by type', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const map = new SitesMapPage(page);
    await map.open();
    assert.equal(await map.markers().count(), 3);
    assert.equal(await map.listItems().count(), 3);
    await map.listItems().first().click();
    await page.locator('svg.sites-map .marker.selected').waitFor();
    await assertAccessibleInEveryMode(page, 'sites map', () => map.settled());

    await map.filterType('supermarket');
    await page.waitForFunction('document.querySelectorAll("svg.sites-map .marker").length === 1');
    assert.equal(await map.listItems().count(), 1);
    assert.match((await map.listItems().first().textContent()) ?? '', /七星岗街道积分超市/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds the sites near the visitor when asked, nearest first with the distance', async () => {
    const context = await newContext(fx.browser, fx.server.url, {
      geolocation: { latitude: 29.5576, longitude: 106.5771 },
    });
    const page = await context.newPage();
    const map = new SitesMapPage(page);
    await map.open();
    await map.nearMe(1);
    await page.waitForFunction('document.querySelectorAll(".site-list .site-item").length === 1');
    assert.match((await map.listItems().first().textContent()) ?? '', /解放碑新时代文明实践站.*距离约 0\.0 公里/);
    await map.page.getByLabel('范围').selectOption('5');
    await page.waitForFunction('document.querySelectorAll(".site-list .site-item").length === 3');
    await map.listItems().nth(1).click();
    await assertAccessible(page, 'sites near me, one chosen');
    await context.close();
  });

  it('switches language: text and <html lang> follow, and the choice is remembered', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const portal = new PortalPage(page);
    await portal.open();
    assert.match((await portal.heading().textContent()) ?? '', /善美/);
    await portal.languageSwitch.click();
    await page.waitForFunction('document.documentElement.lang === "en"');
    assert.match((await portal.heading().textContent()) ?? '', /Shanmei/);
    assert.equal(await portal.fieldCards().first().textContent(), 'Publicity and lectures');
    await page.reload();
    await page.locator('#hero-title').waitFor();
    assert.equal(await portal.htmlLang(), 'en');
    assert.match((await portal.heading().textContent()) ?? '', /Shanmei/);
    await context.close();
  });

  it('care mode toggles from the header, is remembered across pages and reloads, and enlarges the type', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const portal = new PortalPage(page);
    await portal.open();
    const size = async () =>
      Number.parseFloat((await page.evaluate('getComputedStyle(document.body).fontSize')) as string);
    const before = await size();
    assert.equal(await portal.careModeOn(), false);
    assert.equal(await portal.careSwitch.getAttribute('aria-pressed'), 'false');
    await portal.careSwitch.click();
    assert.equal(await portal.careModeOn(), true);
    assert.equal(await portal.careSwitch.getAttribute('aria-pressed'), 'true');
    assert.ok((await size()) > before, 'care mode enlarges the text');
    await assertAccessible(page, 'portal (care mode)');

    await page.reload();
    await page.locator('#hero-title').waitFor();
    assert.equal(await portal.careModeOn(), true);
    const map = new SitesMapPage(page);
    await map.open();
    assert.equal(await map.careModeOn(), true);
    await map.careSwitch.click();
    assert.equal(await map.careModeOn(), false);
    await page.reload();
    await page.locator('svg.sites-map').waitFor();
    assert.equal(await map.careModeOn(), false);
    await context.close();
  });

  it('fits a phone screen (390 px) without sideways scrolling', async () => {
    const context = await newContext(fx.browser, fx.server.url, { width: 390, height: 844 });
    const page = await context.newPage();
    for (const path of ['/', '/sites', '/login', '/register']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 390px`);
      await assertAccessible(page, `${path} at 390px`);
    }
    await context.close();
  });
});
