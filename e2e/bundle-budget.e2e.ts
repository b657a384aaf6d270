import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

/** The budget: the volunteer pages load at most 300 kB of gzipped JavaScript on first visit. */
const BUDGET_BYTES = 300_000;

/** Loads `path` in a fresh page and answers the gzipped size of every script it fetched. */
async function firstLoadJs(page: Page, path: string, ready: string): Promise<{ bytes: number; files: string[] }> {
  const bodies: Promise<{ url: string; size: number }>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.push(res.body().then((b) => ({ url: res.url(), size: gzipSync(b).length })));
  });
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(bodies);
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

  it('keeps every portal and volunteer page under 300 kB gzipped, with the console split off', async (t) => {
    const person = uniquePerson();
    await registerVolunteerByApi(fx.server.url, {
      name: '钱预算',
      password: 'budget-pass-1',
      regionCode: '500103',
      ...person,
    });
    const pages: [string, string][] = [
      ['/', '#hero-title'],
      ['/sites', 'svg.sites-map'],
      ['/login', 'input[name="login"]'],
      ['/register', 'input[name="idNumber"]'],
      ['/activities', 'main h1'],
    ];
    for (const [path, ready] of pages) {
      const context = await newContext(fx.browser, fx.server.url);
      const { bytes, files } = await firstLoadJs(await context.newPage(), path, ready);
      t.diagnostic(`${path}: ${(bytes / 1000).toFixed(1)} kB gzipped JS in ${files.length} files`);
      assert.ok(bytes <= BUDGET_BYTES, `${path} loads ${bytes} bytes of gzipped JS`);
      assert.ok(!files.some((f) => f.includes('admin-console')), `${path} loads the console`);
      await context.close();
    }

    // The Me page, logged in, on a fresh load.
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="login"]').fill(person.phone);
    await page.locator('input[name="password"]').fill('budget-pass-1');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/me$/);
    const volunteerPages: [string, string][] = [
      ['/me', '[data-testid="me-volunteer-code"]'],
      ['/me/shifts', '[data-testid="calendar-url"]'],
      ['/checkin', 'input[name="kind"]'],
      ['/me/code', '[data-testid="member-code-text"]'],
      ['/me/records', 'main h1'],
      ['/inbox', 'main h1'],
    ];
    for (const [path, ready] of volunteerPages) {
      const fresh = await context.newPage();
      const { bytes, files } = await firstLoadJs(fresh, path, ready);
      t.diagnostic(`${path}: ${(bytes / 1000).toFixed(1)} kB gzipped JS in ${files.length} files`);
      assert.ok(bytes <= BUDGET_BYTES, `${path} loads ${bytes} bytes of gzipped JS`);
      // The camera scanner (and @zxing/browser behind it) is fetched only when the camera is opened.
      assert.ok(!files.some((f) => /admin-console|organiser-console|camera-scanner/.test(f)), `${path} loads ${files}`);
      await fresh.close();
    }
    await context.close();
  });
});
