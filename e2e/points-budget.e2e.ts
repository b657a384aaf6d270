import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

/** The budget for volunteer pages, as in bundle-budget.e2e.ts. */
const BUDGET_BYTES = 300_000;

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

describe('first-load JavaScript of the points pages', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('keeps my points and my redemptions under 300 kB gzipped, without Ant Design or the counter', async (t) => {
    const person = uniquePerson();
    await registerVolunteerByApi(fx.server.url, {
      name: '钱积分',
      password: 'budget-pass-2',
      regionCode: '500103',
      ...person,
    });
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="login"]').fill(person.phone);
    await page.locator('input[name="password"]').fill('budget-pass-2');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/me$/);
    for (const [path, ready] of [
      ['/me/points', '[data-testid="points-balance"]'],
      ['/me/redemptions', 'main h1'],
    ] as const) {
      const fresh = await context.newPage();
      const { bytes, files } = await firstLoadJs(fresh, path, ready);
      t.diagnostic(`${path}: ${(bytes / 1000).toFixed(1)} kB gzipped JS in ${files.length} files`);
      assert.ok(bytes <= BUDGET_BYTES, `${path} loads ${bytes} bytes of gzipped JS`);
      assert.ok(
        !files.some((f) => /admin-console|organiser-console|counter-console|camera-scanner/.test(f)),
        `${path}: ${files}`,
      );
      await fresh.close();
    }
    await context.close();
  });
});
