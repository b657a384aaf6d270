import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell.page.js';
import { assertAccessibleInBothLanguages } from './support/a11y.js';
import { watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { loggedIn } from './support/service-helpers.js';
import { ADMIN_PASSWORD } from './support/test-server.js';
import { motionDone } from './support/motion.js';

const zh = JSON.parse(readFileSync(new URL('../src/web/i18n/zh-CN.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, string>
>;
const DEMO_PASSWORD = 'shanmei-demo';

/** The consoles a header can offer: the link's text (zh-CN), where it goes and what shows once it is open. */
const CONSOLES = {
  admin: { link: zh.nav?.admin ?? '', path: /\/admin\/regions$/, ready: '.admin-content h1' },
  organiser: { link: zh.nav?.organiser ?? '', path: /\/organiser\/activities$/, ready: '#org-activities-title' },
  counter: { link: zh.counter?.navLink ?? '', path: /\/counter/, ready: '.admin-content h1' },
  site: { link: zh.siteManager?.navLink ?? '', path: /\/site\/details$/, ready: '[data-testid="site-manager-title"]' },
} as const;
type Console = keyof typeof CONSOLES;

/** Every demo login (README's table): where the login form takes it and which consoles its header offers. */
const ROLES: { login: string; password?: string; lands: RegExp; consoles: Console[]; ready: string }[] = [
  {
    login: 'admin',
    password: ADMIN_PASSWORD,
    lands: /\/admin\/regions$/,
    consoles: ['admin', 'organiser'],
    ready: '.admin-content h1',
  },
  { login: 'region.admin', lands: /\/admin\/regions$/, consoles: ['admin', 'organiser'], ready: '.admin-content h1' },
  { login: 'dept.admin', lands: /\/admin\/regions$/, consoles: ['admin', 'organiser'], ready: '.admin-content h1' },
  { login: 'team.admin', lands: /\/$/, consoles: ['organiser'], ready: '#hero-title' },
  { login: 'site.manager', lands: /\/$/, consoles: ['site'], ready: '#hero-title' },
  { login: 'clerk', lands: /\/$/, consoles: ['counter'], ready: '#hero-title' },
  { login: 'resident', lands: /\/$/, consoles: [], ready: '#hero-title' },
  { login: '13800000001', lands: /\/me$/, consoles: [], ready: '[data-testid="me-volunteer-code"]' },
];

/** Nothing loading and no transition running (a link fading to its active colour fails contrast half-way). */
async function settled(shell: AppShell): Promise<void> {
  await shell.settled();
  await motionDone(shell.page);
}

/** A header link by its exact text ('我的' is also the start of '我的积分'). */
const headerLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /主导航|Main/ }).getByRole('link', { name, exact: true });

/** Neither the not-found page nor the error page: the route exists and rendered. */
async function assertRendered(page: Page, where: string): Promise<void> {
  const h1 = (await page.locator('main h1').allTextContents()).map((s) => s.trim());
  assert.ok(!h1.includes(zh.notFound?.title ?? ''), `${where}: ${page.url()} is not found`);
  assert.ok(!h1.includes(zh.routeError?.title ?? ''), `${where}: ${page.url()} failed`);
}

describe('every demo role lands on a useful main page and opens its consoles, accessible in zh-CN and en', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  for (const role of ROLES) {
    it(`${role.login}: ${role.consoles.join(', ') || 'no console'}`, async () => {
      const [context, page] = await loggedIn(fx, role.login, role.password ?? DEMO_PASSWORD);
      const errors = watchErrors(page);
      const shell = new AppShell(page);
      await page.waitForURL(role.lands);
      await page.locator(role.ready).first().waitFor();
      await assertRendered(page, `${role.login} landing`);
      await assertAccessibleInBothLanguages(page, `${role.login} landing`, () => settled(shell));

      // The header offers exactly this role's consoles.
      for (const [name, c] of Object.entries(CONSOLES) as [Console, (typeof CONSOLES)[Console]][]) {
        const offered = await headerLink(page, c.link).count();
        assert.equal(offered, role.consoles.includes(name) ? 1 : 0, `${role.login}: header link ${c.link}`);
      }
      for (const name of role.consoles) {
        const c = CONSOLES[name];
        await headerLink(page, c.link).click();
        await page.waitForURL(c.path);
        await page.locator(c.ready).first().waitFor();
        await assertRendered(page, `${role.login} ${name}`);
        assert.equal(await page.getByText(zh.errors?.FORBIDDEN ?? '').count(), 0, `${role.login}: ${name} refused`);
        await assertAccessibleInBothLanguages(page, `${role.login} ${name} console`, () => settled(shell));
      }

      // Me: every link on it leads to a page that exists (the resident has no volunteer pages).
      await headerLink(page, zh.nav?.me ?? '').click();
      await page.waitForURL(/\/me$/);
      await page.locator('main h1').waitFor();
      await assertAccessibleInBothLanguages(page, `${role.login} Me`, () => settled(shell));
      const links = await page
        .locator('main a[href^="/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of new Set(links)) {
        await shell.goto(href);
        await page.locator('main h1, main .notice').first().waitFor();
        await assertRendered(page, `${role.login} Me → ${href}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
