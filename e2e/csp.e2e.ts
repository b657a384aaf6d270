import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/login.page.js';
import { launchBrowser, newContext, watchErrors } from './support/browser.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { startTileServer, type TileServer } from './support/tile-server.js';

// The harness elsewhere runs with the content security policy bypassed (it injects axe and
// evaluates strings, which the policy forbids). Here the policy holds, and the app's heaviest
// pages must run under it: the Leaflet map with configured tiles, ECharts, Ant Design's styles.
describe('the web app under its content security policy', () => {
  let server: TestServer;
  let tiles: TileServer;
  let browser: Browser;
  before(async () => {
    tiles = await startTileServer();
    server = await startTestServer({ demo: true, env: { SHANMEI_MAP_TILES: tiles.template } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await tiles?.close();
  });

  it('draws the portal, the tile map, the console, its charts and the big screen with no violation', async () => {
    const context = await newContext(browser, server.url, { enforceCsp: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const res = await page.goto('/');
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self';/);
    await page.locator('main h1').first().waitFor();

    await page.goto('/sites');
    await page.locator('[data-testid="tile-map"] img.leaflet-tile-loaded').first().waitFor();

    await page.goto('/screen');
    await page.locator('canvas').first().waitFor();

    const login = new LoginPage(page);
    await login.open();
    await login.logIn('region.admin', 'shanmei-demo');
    await page.waitForURL(/\/console$/);
    await page.goto('/admin/statistics');
    await page.locator('.admin-content canvas').first().waitFor();
    await page.goto('/admin/data');
    await page.getByTestId('import-start').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
