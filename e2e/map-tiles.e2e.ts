import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SitesMapPage, TileMapView } from './pages/sites-map.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeSites } from './support/api-setup.js';
import { launchBrowser, newContext, watchErrors } from './support/browser.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { closedPort, startTileServer, type TileServer } from './support/tile-server.js';

const SITE_NAMES = ['解放碑新时代文明实践站', '七星岗街道积分超市', '江北区青少年之家'];

/** A server with the three map sites, its environment as given. */
async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({ env });
  await arrangeSites(await ApiCaller.login(server.url));
  return server;
}

/** The sites page in a fresh context; `scripts` collects every script the page loaded. */
async function openSites(browser: Browser, server: TestServer): Promise<{ page: Page; scripts: string[] }> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await new SitesMapPage(page).open();
  return { page, scripts };
}

describe('sites map with a tile server as configuration', () => {
  let browser: Browser;
  let tiles: TileServer;
  const servers: TestServer[] = [];

  before(async () => {
    tiles = await startTileServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    for (const s of servers) await s.stop();
    await tiles.close();
  });

  it('draws the configured tiles under focusable, named markers, accessible in every mode', async () => {
    const server = await serverWith({ SHANMEI_MAP_TILES: tiles.template, SHANMEI_MAP_ATTRIBUTION: '© 测试瓦片服务' });
    servers.push(server);
    const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as { map: { tileUrl: string } };
    assert.equal(config.map.tileUrl, tiles.template);

    const { page } = await openSites(browser, server);
    const errors = watchErrors(page);
    const map = new TileMapView(page);
    await map.container().waitFor();
    await map.loadedTiles().first().waitFor();
    assert.ok(tiles.requests.length > 0, 'the tile server was asked');
    assert.ok(
      tiles.requests.every((p) => /^\/\d+\/\d+\/\d+\.png$/.test(p)),
      `tile paths: ${tiles.requests.join(', ')}`,
    );
    // Drawn: every loaded tile decoded to a real 256-pixel image, none shown broken.
    const sizes = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="tile-map"] img.leaflet-tile-loaded')].map((i) => i.naturalWidth)`,
    )) as number[];
    assert.ok(sizes.length > 0 && sizes.every((w) => w === 256), `tile widths ${sizes.join(',')}`);
    assert.equal(await page.getByTestId('plain-map').count(), 0);
    assert.match((await page.locator('.map-attribution').textContent()) ?? '', /© 测试瓦片服务/);

    assert.equal(await map.markers().count(), 3);
    const names = await map.markers().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const name of SITE_NAMES)
      assert.ok(
        names.some((n) => n.startsWith(name)),
        `a marker named ${name}`,
      );
    assert.deepEqual(await map.markers().evaluateAll((els) => els.map((e) => e.getAttribute('tabindex'))), [
      '0',
      '0',
      '0',
    ]);

    // By keyboard: Tab reaches a marker, Enter picks it and the list beside shows its details.
    await page.locator('[data-testid="tile-map"]').focus();
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(
      `document.activeElement?.classList.contains('site-marker') ? document.activeElement.getAttribute('aria-label') : ''`,
    )) as string;
    assert.ok(focused, 'Tab from the map moves to a marker');
    await page.keyboard.press('Enter');
    const siteName = SITE_NAMES.find((n) => focused.startsWith(n)) ?? '';
    await page.locator('.site-item[aria-pressed="true"]', { hasText: siteName }).waitFor();
    assert.equal(
      await page.evaluate(`document.activeElement?.getAttribute('aria-pressed')`),
      'true',
      'focus stays on the chosen marker',
    );

    await assertAccessibleInEveryMode(page, 'tiled sites map', async () => {
      await map.container().waitFor();
      await new SitesMapPage(page).settled();
    });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('without SHANMEI_MAP_TILES shows the plain map, asks no tile server and loads no map library', async () => {
    const server = await serverWith({});
    servers.push(server);
    const asked = tiles.requests.length;
    const { page, scripts } = await openSites(browser, server);
    const plain = new SitesMapPage(page);
    assert.equal(await plain.markers().count(), 3);
    assert.equal(await page.getByTestId('tile-map').count(), 0);
    assert.equal(tiles.requests.length, asked, 'no tile was requested');
    assert.deepEqual(
      scripts.filter((u) => /tile-map|leaflet/i.test(u)),
      [],
      'the Leaflet chunk stays unloaded',
    );
    await page.context().close();
  });

  it('when the tile server is down, the markers stay on the plain background with a notice', async () => {
    const server = await serverWith({ SHANMEI_MAP_TILES: `http://127.0.0.1:${await closedPort()}/{z}/{x}/{y}.png` });
    servers.push(server);
    const { page } = await openSites(browser, server);
    const map = new TileMapView(page);
    await map.failedNotice().waitFor();
    const plain = new SitesMapPage(page);
    await page.getByTestId('plain-map').waitFor();
    assert.equal(await plain.markers().count(), 3);
    assert.equal(await page.getByTestId('tile-map').count(), 0, 'no half-broken tiled map left');
    assert.equal(await page.locator('img.leaflet-tile').count(), 0, 'no broken tile images');
    await assertAccessibleInEveryMode(page, 'sites map after tiles failed', async () => {
      await page.getByTestId('plain-map').waitFor();
    });
    await page.context().close();
  });
});
