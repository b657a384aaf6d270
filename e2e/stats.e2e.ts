import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { StatsOverview } from '../src/common/contract/stats.js';
import { LoginPage } from './pages/login.page.js';
import { PortalFiguresPage, StatsPage, type FigureKey } from './pages/stats.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { launchBrowser, newContext, watchErrors } from './support/browser.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const REGION_ADMIN = { login: 'region.admin', password: 'shanmei-demo' };

/** The overview as the public API answers it. */
async function overview(base: string, query = ''): Promise<StatsOverview> {
  const res = await fetch(`${base}/api/v1/stats/overview${query ? `?${query}` : ''}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as StatsOverview;
}

const zh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const zhHours = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);

describe('city statistics', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    // The Chongqing demo: districts, teams, sites, activities and confirmed service to count.
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the portal shows the figures the API answers, accessibly in every mode', async () => {
    const s = await overview(server.url);
    assert.ok(s.volunteers > 0 && s.hours > 0, 'the demo has volunteers and confirmed hours');
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const portal = new PortalFiguresPage(page);
    await portal.open();
    await portal.figuresShown();
    const expected: [FigureKey, string][] = [
      ['volunteers', zh.format(s.volunteers)],
      ['teams', zh.format(sum(s.teamsByLevel))],
      ['sites', zh.format(sum(s.sitesByType))],
      ['hours', zhHours.format(s.hours)],
      ['sessions', zh.format(s.sessions)],
      ['peopleServed', zh.format(s.peopleServed)],
    ];
    for (const [key, text] of expected) assert.equal(await portal.figure(key).textContent(), text, key);
    // The charts (and ECharts with them) stay in the console's statistics chunk.
    assert.ok(!scripts.some((f) => /stats-page|echarts/.test(f)), `the portal loaded ${scripts.join(', ')}`);
    await assertAccessibleInEveryMode(page, 'portal figures', () => portal.figuresShown());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("the region admin's statistics page draws both charts and follows the region filter", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await login.logIn(REGION_ADMIN.login, REGION_ADMIN.password);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));

    const stats = new StatsPage(page);
    await stats.openStatistics();
    // A region admin starts in their own district (渝中区), broken down into its streets.
    const own = await overview(server.url, 'regionCode=500103');
    assert.match((await stats.scope().textContent()) ?? '', /渝中区/);
    assert.equal(await stats.card('volunteers').textContent(), zh.format(own.volunteers));
    assert.equal(await stats.card('hours').textContent(), zhHours.format(own.hours));
    assert.equal(await stats.tableRowHeaders('region').count(), regionRowsShown(own));
    assert.equal(await stats.tableRowHeaders('month').count(), own.byMonth.length);
    // The tables download as .xlsx for the same query.
    const href = await page.getByTestId('stats-export').getAttribute('href');
    assert.match(href ?? '', /^\/api\/v1\/stats\/overview\.xlsx\?regionCode=500103/);
    const file = await page.request.get(`${server.url}${href ?? ''}`);
    assert.equal(file.status(), 200);
    assert.match(file.headers()['content-type'] ?? '', /spreadsheetml/);
    // The reports (随手拍) of the same region and period, public figures, with their own .xlsx.
    const window = `regionCode=500103&from=${encodeURIComponent(own.from)}&to=${encodeURIComponent(own.to)}`;
    const reports = (await (await page.request.get(`${server.url}/api/v1/reports/stats/public?${window}`)).json()) as {
      total: number;
    };
    const section = page.getByTestId('report-stats');
    await section.getByText(`共 ${zh.format(reports.total)} 条`).waitFor();
    assert.equal(
      await section.getByTestId('report-stats-export').getAttribute('href'),
      `/api/v1/reports/stats/public.xlsx?${window}`,
    );
    await assertAccessibleInEveryMode(page, 'admin statistics', () => stats.chartsDrawn());

    await stats.pickRegion('stats-region', ['重庆市', '沙坪坝区']);
    await page.waitForFunction(
      `document.querySelector('[data-testid="stats-scope"]')?.textContent?.includes('沙坪坝区')`,
    );
    await stats.chartsDrawn();
    const other = await overview(server.url, 'regionCode=500106');
    assert.equal(await stats.card('volunteers').textContent(), zh.format(other.volunteers));
    assert.equal(await stats.tableRowHeaders('region').count(), regionRowsShown(other));
    assert.notDeepEqual(
      other.byRegion.map((r) => r.regionCode),
      own.byRegion.map((r) => r.regionCode),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** The rows of the region table: the children, and the region itself when anything lies there (as the page shows them). */
function regionRowsShown(s: StatsOverview): number {
  const own = s.atRegionItself;
  const any = own.volunteers || own.teams || own.sites || own.participations || own.sessions || own.pointsRedeemed;
  return s.byRegion.length + (any && s.byRegion.length > 0 ? 1 : 0);
}
