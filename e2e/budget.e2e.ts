import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { newContext } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { VOLUNTEER_PAGES as PAGES, volunteerSession } from './support/volunteer-pages.js';

/** The portal and volunteer pages load at most 300 kB of JavaScript, as sent over the wire, on first visit. */
const BUDGET_BYTES = 300_000;

/** Chunks that must never be part of a first load: the Ant Design consoles and the camera scanner (@zxing behind it). */
const NEVER_ON_FIRST_LOAD = /admin-console|organiser-console|counter-console|camera-scanner/;

/**
 * Loads `path` in a fresh page and answers the bytes each script took on the wire — the
 * compressed body the server really sent (brotli or gzip), not what it would take compressed.
 */
async function firstLoadJs(page: Page, path: string, ready: string): Promise<{ bytes: number; files: string[] }> {
  const bodies: Promise<{ url: string; size: number; encoded: boolean }>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.push(
      res
        .request()
        .sizes()
        .then((s) => ({ url: res.url(), size: s.responseBodySize, encoded: !!res.headers()['content-encoding'] })),
    );
  });
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(bodies);
  // The build compresses every file over 1 kB; only those smaller may travel as they are.
  const plain = all.filter((b) => !b.encoded && b.size > 1024).map((b) => b.url);
  assert.deepEqual(plain, [], 'scripts sent uncompressed');
  return { bytes: all.reduce((n, b) => n + b.size, 0), files: all.map((b) => new URL(b.url).pathname) };
}

describe('first-load JavaScript budget', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('keeps every portal and volunteer page under 300 kB of compressed JavaScript sent, with the consoles and the camera split off', async (t) => {
    const session = await volunteerSession(fx, '钱预算');

    for (const { path, ready, volunteer } of PAGES) {
      const context = await newContext(fx.browser, fx.server.url);
      if (volunteer) await context.addCookies(session);
      const { bytes, files } = await firstLoadJs(await context.newPage(), path, ready);
      t.diagnostic(`${path}: ${(bytes / 1000).toFixed(1)} kB of JS sent in ${files.length} files`);
      assert.ok(bytes <= BUDGET_BYTES, `${path} loads ${bytes} bytes of JS`);
      assert.ok(!files.some((f) => NEVER_ON_FIRST_LOAD.test(f)), `${path} loads ${files.join(', ')}`);
      await context.close();
    }
  });
});
