import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AdminPage } from './pages/admin.page.js';
import { AppShell } from './pages/app-shell.page.js';
import { ConsoleFrame } from './pages/console.page.js';
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
/** A zh-CN text by its dotted key. */
const say = (key: string): string =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zh) as string;
const DEMO_PASSWORD = 'shanmei-demo';

/** The consoles the frame's side menu can offer: where each opens and what shows once it is open. */
const CONSOLES = {
  organiser: { path: /\/organiser\/activities$/, ready: '#org-activities-title' },
  counter: { path: /\/counter\/redeem/, ready: '.admin-content h1' },
  site: { path: /\/site\/details/, ready: '[data-testid="site-manager-title"]' },
  admin: { path: /\/admin\/regions$/, ready: '.admin-content h1' },
} as const;
type Console = keyof typeof CONSOLES;
/** The menu's names for each console (zh-CN) and for its first page. */
const GROUP: Record<Console, string> = {
  organiser: say('console.sections.organiser'),
  counter: say('console.sections.counter'),
  site: say('console.sections.site'),
  admin: say('console.sections.admin'),
};
const FIRST_PAGE: Record<Console, string> = {
  organiser: say('organiser.activities.title'),
  counter: say('counter.redeem.title'),
  site: say('siteManager.details.title'),
  admin: say('admin.regions.title'),
};

/** Every demo login (README's table): where the login form takes it and which consoles its menu offers, in order. */
const STAFF = { lands: /\/console$/, ready: '#workbench-title' };
const ROLES: { login: string; password?: string; lands: RegExp; consoles: Console[]; ready: string }[] = [
  { login: 'admin', password: ADMIN_PASSWORD, ...STAFF, consoles: ['organiser', 'counter', 'admin'] },
  { login: 'region.admin', ...STAFF, consoles: ['organiser', 'counter', 'admin'] },
  { login: 'dept.admin', ...STAFF, consoles: ['organiser', 'counter', 'admin'] },
  { login: 'team.admin', ...STAFF, consoles: ['organiser'] },
  { login: 'site.manager', ...STAFF, consoles: ['site'] },
  { login: 'clerk', ...STAFF, consoles: ['counter'] },
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

      // The frame's menu offers exactly this role's consoles; each opens on its first page.
      if (role.consoles.length) {
        const frame = new ConsoleFrame(page);
        const groups = await frame.menu().locator('.ant-menu-submenu-title .ant-menu-title-content').allTextContents();
        assert.deepEqual(
          groups.map((g) => g.trim()),
          role.consoles.map((c) => GROUP[c]),
          `${role.login}: menu`,
        );
        for (const name of role.consoles) {
          const c = CONSOLES[name];
          await frame.menu().getByRole('menuitem', { name: FIRST_PAGE[name], exact: true }).click();
          await page.waitForURL(c.path);
          await page.locator(c.ready).first().waitFor();
          await assertRendered(page, `${role.login} ${name}`);
          assert.equal(await page.getByText(zh.errors?.FORBIDDEN ?? '').count(), 0, `${role.login}: ${name} refused`);
          await assertAccessibleInBothLanguages(page, `${role.login} ${name} console`, () => settled(shell));
        }
        // The public site is one link away, and its header leads back to the workbench.
        await page.getByTestId('console-public-link').click();
        await page.waitForURL((u) => u.pathname === '/');
      }
      if (role.consoles.length) await page.getByTestId('console-link').waitFor();
      else assert.equal(await page.getByTestId('console-link').count(), 0, `${role.login}: no workbench link`);

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

  it('dept.admin grants a role in their department to a member they found there', async () => {
    const [context, page] = await loggedIn(fx, 'dept.admin', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.waitForURL(/\/console$/);
    const shell = new AppShell(page);
    const admin = new AdminPage(page);
    await new ConsoleFrame(page)
      .menu()
      .getByRole('menuitem', { name: say('admin.roles.title'), exact: true })
      .click();
    await page.waitForURL(/\/admin\/roles$/);
    // The search runs among the department's members: every one found is a member of its teams.
    const form = page.getByRole('form', { name: /查找志愿者/ });
    await form.getByLabel(say('admin.volunteers.department')).waitFor();
    await form.getByRole('button', { name: /查\s?询/ }).click();
    const rows = page.getByTestId('volunteer-table').locator('tr.ant-table-row');
    await rows.first().waitFor();
    await assertAccessibleInBothLanguages(page, 'dept.admin roles, members found', () => settled(shell));
    const name = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
    await rows
      .first()
      .getByRole('button', { name: /选\s?择/ })
      .click();
    await page.getByTestId('roles-person').filter({ hasText: name }).waitFor();
    // Roles at a region are not theirs to grant; a team of the department is.
    await page.locator('#role').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    assert.equal(await options.filter({ hasText: say('role.region_admin') }).count(), 0);
    await options
      .filter({ hasText: say('role.team_admin') })
      .first()
      .click();
    // The role's list fades out before the organisation's opens, so the first option is the team's.
    await admin.popupsClosed();
    await page.locator('#organisationId').click();
    const team = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
    await team.waitFor();
    const teamName = ((await team.textContent()) ?? '').trim();
    await team.click();
    await page.locator('form[aria-label] button[type="submit"]').click();
    await page.locator('.ant-alert-success').waitFor();
    // The person's grants, as far as they lie in the department, each revocable.
    const grantRow = page.locator('.user-grants tr.ant-table-row', { hasText: teamName });
    await grantRow.waitFor();
    await assertAccessibleInBothLanguages(page, "dept.admin roles, the person's grants", () => settled(shell));
    await grantRow.getByRole('button', { name: /撤\s?销/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await grantRow.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
