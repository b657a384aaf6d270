/**
 * `npm run screenshots`: PNGs of every main page in zh-CN, English, care mode and at phone
 * width (390 px), against the Chongqing demo, into ./screenshots/<mode>/<page>.png; the
 * consoles in their frame, with each role's workbench (workbench-*.png) and, on the phone,
 * the menu drawer; residents' needs and certificates, and the first page of a certificate's PDF
 * (./screenshots/certificate-page-1.png, by pdftoppm).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { arrangeCounterData, shootCounter } from './screenshot-counter.js';
import { arrangeScreenshotData, type ScreenshotData } from './screenshot-data.js';
import { arrangeNeedsShots, shootNeeds, type NeedsShots } from './screenshot-needs.js';
import { arrangeProject, shootProject } from './screenshot-projects.js';
import { launchBrowser, newContext, type ContextOptions } from './support/browser.js';
import { ADMIN_PASSWORD, startTestServer } from './support/test-server.js';

const OUT = resolve(import.meta.dirname, '..', 'screenshots');
const VOLUNTEER = { login: '13800000001', password: 'shanmei-demo' };
const ORGANISER = { login: 'team.admin', password: 'shanmei-demo' };

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

const ADMIN_PAGES = [
  'regions',
  'organisations',
  'sites',
  'volunteers',
  'roles',
  'point-rules',
  'point-adjustments',
  'statistics',
  'audit',
] as const;

/** Volunteer pages after logging in; `:activity` is the arranged activity. */
const VOLUNTEER_PAGES = [
  ['activities', '/activities'],
  ['activity', '/activities/:activity'],
  ['my-shifts', '/me/shifts'],
  ['checkin', '/checkin'],
  ['member-code', '/me/code'],
  ['my-records', '/me/records'],
  ['inbox', '/inbox'],
  ['my-points', '/me/points'],
  ['my-redemptions', '/me/redemptions'],
  ['my-profile', '/me/profile'],
  ['my-notification-settings', '/me/notifications'],
] as const;

const ORGANISER_PAGES = [
  ['organiser-activities', '/organiser/activities'],
  ['organiser-activity', '/organiser/activities/:activity'],
  ['organiser-new-activity', '/organiser/activities/new'],
  ['organiser-desk', '/organiser/shifts/:shift?activity=:activity'],
  ['organiser-records', '/organiser/records'],
  ['organiser-members', '/organiser/members'],
] as const;

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

async function shoot(
  browser: Browser,
  url: string,
  mode: string,
  opts: ContextOptions,
  data: ScreenshotData,
  needs: NeedsShots,
): Promise<string[]> {
  const fill = (path: string) => path.replace(/:activity/g, data.activityId).replace(':shift', data.shiftId);
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
  await shootProject(page, save);
  await logIn(page, VOLUNTEER.login, VOLUNTEER.password);
  await page.getByTestId('me-volunteer-code').waitFor();
  await save(page, 'me');
  for (const [name, path] of VOLUNTEER_PAGES) {
    await page.goto(fill(path));
    await save(page, name);
  }
  await visitor.close();

  // The consoles' frame: each role's workbench, where its login lands, and on a phone the menu drawer.
  const workbench = async (p: Page, name: string) => {
    await p.locator('#workbench-title').waitFor();
    await p.locator('.workbench-tile, .workbench-shortcuts').first().waitFor();
    await save(p, `workbench-${name}`);
  };
  const orgContext = await newContext(browser, url, opts);
  const org = await orgContext.newPage();
  await logIn(org, ORGANISER.login, ORGANISER.password);
  await workbench(org, 'organiser');
  if ((opts.width ?? 1280) < 768) {
    await org.getByTestId('console-menu-toggle').click();
    await org
      .getByRole('navigation', { name: /控制台菜单|Console menu/ })
      .filter({ visible: true })
      .waitFor();
    await save(org, 'console-menu-drawer');
    await org.keyboard.press('Escape');
  }
  for (const [name, path] of ORGANISER_PAGES) {
    await org.goto(fill(path));
    await save(org, name);
  }
  await org.goto(fill('/organiser/shifts/:shift?activity=:activity'));
  await org.getByTestId('full-screen').click();
  await org.getByTestId('checkin-digits').waitFor();
  await save(org, 'organiser-code-full-screen');
  await org.keyboard.press('Escape');
  await org.getByRole('button', { name: /扫会员码登记|Scan member codes/ }).click();
  await save(org, 'organiser-kiosk');
  await orgContext.close();

  await shootCounter(browser, url, opts, VOLUNTEER, logIn, save);

  const adminContext = await newContext(browser, url, opts);
  const admin = await adminContext.newPage();
  await logIn(admin, 'admin', ADMIN_PASSWORD);
  await workbench(admin, 'admin');
  for (const section of ADMIN_PAGES) {
    await admin.goto(`/admin/${section}`);
    await admin.locator('.admin-content h1').waitFor();
    await save(admin, `admin-${section}`);
  }
  await adminContext.close();

  const siteContext = await newContext(browser, url, opts);
  const site = await siteContext.newPage();
  await logIn(site, 'site.manager', 'shanmei-demo');
  await workbench(site, 'site-manager');
  for (const section of ['details', 'calendar']) {
    await site.goto(`/site/${section}`);
    await site.getByTestId('site-manager-title').waitFor();
    await save(site, `site-${section}`);
  }
  await siteContext.close();

  await shootNeeds(browser, url, opts, needs, VOLUNTEER, logIn, save);

  const clerkContext = await newContext(browser, url, opts);
  const clerk = await clerkContext.newPage();
  await logIn(clerk, 'clerk', 'shanmei-demo');
  await workbench(clerk, 'clerk');
  await clerkContext.close();
  return written;
}

const server = await startTestServer({ demo: true, movableClock: true });
const browser = await launchBrowser();
try {
  const data = await arrangeScreenshotData(server, VOLUNTEER, ORGANISER);
  await arrangeCounterData(server, VOLUNTEER);
  await arrangeProject(server);
  const needs = await arrangeNeedsShots(server, VOLUNTEER, OUT);
  console.log(`certificate: ${join(OUT, 'certificate-page-1.png')}`);
  for (const [mode, opts] of Object.entries(MODES)) {
    const files = await shoot(browser, server.url, mode, opts, data, needs);
    console.log(`${mode}: ${files.length} screenshots in ${join(OUT, mode)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
