/**
 * `npm run screenshots`: PNGs of every main page in zh-CN, English, care mode and at phone
 * width (390 px), against the Chongqing demo, into ./screenshots/<mode>/<page>.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, type ContextOptions } from './support/browser.js';
import { ADMIN_PASSWORD, startTestServer } from './support/test-server.js';

const OUT = resolve(import.meta.dirname, '..', 'screenshots');
const VOLUNTEER = { login: '13800000001', password: 'shanmei-demo' };

const MODES: Record<string, ContextOptions> = {
  'zh-CN': { lang: 'zh-CN' },
  en: { lang: 'en' },
  care: { lang: 'zh-CN', care: true },
  phone: { lang: 'zh-CN', width: 390, height: 844 },
};

const PUBLIC_PAGES = [
  ['portal', '/'],
  ['sites-map', '/sites'],
  ['login', '/login'],
  ['register', '/register'],
] as const;

const ADMIN_PAGES = ['regions', 'organisations', 'sites', 'roles'] as const;

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

async function shoot(browser: Browser, url: string, mode: string, opts: ContextOptions): Promise<string[]> {
  const dir = join(OUT, mode);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const save = async (page: Page, name: string) => {
    await settle(page);
    const file = join(dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  };

  const visitor = await newContext(browser, url, opts);
  const page = await visitor.newPage();
  for (const [name, path] of PUBLIC_PAGES) {
    await page.goto(path);
    await save(page, name);
  }
  await logIn(page, VOLUNTEER.login, VOLUNTEER.password);
  await page.getByTestId('me-volunteer-code').waitFor();
  await save(page, 'me');
  await visitor.close();

  const adminContext = await newContext(browser, url, opts);
  const admin = await adminContext.newPage();
  await logIn(admin, 'admin', ADMIN_PASSWORD);
  for (const section of ADMIN_PAGES) {
    await admin.goto(`/admin/${section}`);
    await admin.locator('.admin-content h1').waitFor();
    await save(admin, `admin-${section}`);
  }
  await adminContext.close();
  return written;
}

const server = await startTestServer({ demo: true });
const browser = await launchBrowser();
try {
  for (const [mode, opts] of Object.entries(MODES)) {
    const files = await shoot(browser, server.url, mode, opts);
    console.log(`${mode}: ${files.length} screenshots in ${join(OUT, mode)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
