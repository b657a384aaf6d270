import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminPage } from './pages/admin.page.js';
import { LoginPage } from './pages/login.page.js';
import { PointRulesPage } from './pages/point-rules.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { ConsoleFrame } from './pages/console.page.js';
import { ADMIN_PASSWORD } from './support/test-server.js';

// The Chongqing demo: its region admin administers 渝中区, where the demo volunteer 陈善美 lives.
const REGION_ADMIN = { login: 'region.admin', password: 'shanmei-demo' };
const DEMO_PHONE = '13800000001';

describe('the volunteer registry and region names in the administration console', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('a region admin sees region names, pages through organisations, finds a volunteer and adjusts their points', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await new LoginPage(page).open();
    await new LoginPage(page).logIn(REGION_ADMIN.login, REGION_ADMIN.password);
    await page.waitForURL(/\/console$/);
    const admin = new AdminPage(page);

    // Organisations: the admin's own region's only (no city department), by region name, not code.
    await admin.open('organisations');
    // The region column shows the name once the names arrived (the code until then).
    const own = admin.tableRows().filter({ hasText: '渝中区' }).first();
    await own.waitFor();
    await admin
      .tableRows()
      .filter({ hasText: '渝中区' })
      .filter({ hasNotText: /500103/ })
      .first()
      .waitFor();
    assert.doesNotMatch((await own.textContent()) ?? '', /500103/);
    assert.equal(await admin.tableRows().filter({ hasText: '市生态环境局' }).count(), 0);
    await admin.pickByLabel('组织类型', '志愿服务队');
    await admin.tableRows().filter({ hasText: '渝中区' }).first().waitFor();
    await assertAccessibleInEveryMode(page, 'admin organisations of the region, with region names', () =>
      admin.settled(),
    );

    // The registry opens on the admin's own region; the table shows masked phones and region names.
    await admin.open('volunteers');
    await admin.volunteerRows().first().waitFor();
    assert.ok((await admin.volunteerRows().count()) > 5);
    // Region names replace the codes once the region tree has loaded (a slow machine shows codes first).
    await admin
      .volunteerRows()
      .first()
      .filter({ hasText: /渝中区|街道/ })
      .waitFor();
    const first = (await admin.volunteerRows().first().textContent()) ?? '';
    assert.match(first, /1\d{2}\*{4}\d{4}/);
    assert.match(first, /渝中区|街道/);
    await assertAccessibleInEveryMode(page, 'admin volunteers', () => admin.settled());

    await admin.searchVolunteers('陈善');
    await admin.volunteerRows().filter({ hasText: '陈善美' }).waitFor();
    const row = admin.volunteerRows().filter({ hasText: '陈善美' });
    assert.match((await row.textContent()) ?? '', /138\*{4}0001/);
    // By phone: found through the request body, never a URL.
    await admin.searchVolunteers(DEMO_PHONE);
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=volunteer-table] tr.ant-table-row").length === 1',
    );
    assert.match((await admin.volunteerRows().first().textContent()) ?? '', /陈善美/);
    assert.deepEqual(
      urls.filter((u) => u.includes(DEMO_PHONE) || u.includes(encodeURIComponent('陈善'))),
      [],
    );

    // The drawer, opened and closed by keyboard.
    const details = admin
      .volunteerRows()
      .first()
      .getByRole('button', { name: /陈善美/ });
    await details.focus();
    await page.keyboard.press('Enter');
    const drawer = admin.drawer();
    await drawer.getByText('服务记录').first().waitFor();
    await drawer.locator('.ant-table-row').first().waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'volunteer drawer, records');
    await drawer.getByRole('tab', { name: '积分明细' }).focus();
    await page.keyboard.press('Enter');
    await drawer.getByTestId('volunteer-statement').locator('.ant-table-row').first().waitFor();
    await drawer.getByRole('tab', { name: '资质' }).click();
    await drawer.getByRole('form', { name: '登记资质' }).waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'volunteer drawer, qualifications');
    // Recording a verified qualification.
    await admin.pick('qualification_kind', '急救');
    await page.locator('#qualification_expiresAt').fill('2030-12-31');
    await drawer.getByRole('button', { name: '登记资质' }).click();
    await drawer.locator('.ant-alert-success').waitFor();
    await drawer.locator('.ant-table-row', { hasText: '急救' }).waitFor();
    await assertAccessible(page, 'volunteer drawer, a qualification recorded');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Adjust points from the drawer: the adjustment page opens on that volunteer.
    await details.click();
    await drawer.getByRole('button', { name: '调整积分' }).click();
    await page.waitForURL(/\/admin\/point-adjustments\?volunteer=/);
    const adjust = new PointRulesPage(page);
    await page.getByTestId('adjust-balance').waitFor();
    const before = Number(await page.getByTestId('adjust-balance').textContent());
    await page.locator('#adjust_amount').fill('25');
    await page.locator('#adjust_reason').fill('春节慰问活动补记');
    await page.getByTestId('adjust-submit').click();
    await adjust.successNotice().waitFor();
    assert.match((await adjust.successNotice().textContent()) ?? '', new RegExp(`余额 ${before + 25}`));
    await page.waitForFunction(
      `document.querySelector('[data-testid=adjust-balance]')?.textContent === '${before + 25}'`,
    );
    await assertAccessibleInEveryMode(page, 'points adjustment for a chosen volunteer', () => adjust.settled());

    // Another volunteer, picked through the same search on the adjustment page.
    await page.getByRole('button', { name: '改选其他志愿者' }).click();
    await adjust.searchVolunteers('陈善');
    await assertAccessible(page, 'points adjustment picker');
    await admin.volunteerRows().first().getByRole('button', { name: /选择/ }).click();
    await page.getByTestId('adjust-volunteer').filter({ hasText: '陈善美' }).waitFor();
    assert.equal(await page.getByTestId('adjust-balance').textContent(), String(before + 25));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('pages a system admin through all 133 demo teams: the server’s cursor, then the table’s next page', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await new LoginPage(page).open();
    await new LoginPage(page).logIn('admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/console$/);
    const admin = new AdminPage(page);
    await admin.open('organisations');
    await admin.pickByLabel('组织类型', '志愿服务队');
    // Read 50 at a time with the server's cursor, until the last page is in and the button goes.
    await admin.loadMore().filter({ hasText: '已显示 50 条' }).waitFor();
    await admin.loadMore().click();
    await admin.loadMore().filter({ hasText: '已显示 100 条' }).waitFor();
    await admin.loadMore().click();
    await admin.loadMore().waitFor({ state: 'detached' });
    // 133 teams, 20 a page: the table's "next page" reaches the seventh page and its 13 rows.
    const pages = page.locator('.ant-table-pagination .ant-pagination-item');
    assert.equal(await pages.count(), 7);
    const firstPage = await admin.tableRows().allTextContents();
    const next = page.locator('.ant-table-pagination .ant-pagination-next');
    for (let n = 2; n <= 7; n++) {
      await next.click();
      await page.locator(`.ant-table-pagination .ant-pagination-item-active[title="${n}"]`).waitFor();
    }
    assert.equal(await next.getAttribute('aria-disabled'), 'true');
    const lastPage = await admin.tableRows().allTextContents();
    assert.equal(lastPage.length, 13);
    assert.deepEqual(
      lastPage.filter((row) => firstPage.includes(row)),
      [],
    );
    await assertAccessible(page, 'admin organisations, last page of the teams');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows the region admin the audit log of their reads of a volunteer's data, filtered by keyboard", async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await new LoginPage(page).open();
    await new LoginPage(page).logIn(REGION_ADMIN.login, REGION_ADMIN.password);
    await page.waitForURL(/\/console$/);
    const admin = new AdminPage(page);
    // The earlier test opened 陈善美's drawer: her profile, records, points and qualifications were read.
    await new ConsoleFrame(page).menu().getByRole('menuitem', { name: '审计日志', exact: true }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await admin.tableRows().filter({ hasText: '查看积分明细' }).first().waitFor();
    await assertAccessibleInEveryMode(page, 'audit log', () => admin.settled());

    // Only the points reads, chosen by keyboard.
    await page.getByLabel('操作').focus();
    await page.keyboard.type('查看积分');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: '筛 选' })
      .or(page.getByRole('button', { name: '筛选' }))
      .focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      `[...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].length > 0 &&
       [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].every((r) => r.textContent.includes('查看积分明细'))`,
    );
    const row = (await admin.tableRows().first().textContent()) ?? '';
    assert.match(row, /渝中区管理员/);
    assert.match(row, /志愿者/);
    assert.doesNotMatch(row, new RegExp(DEMO_PHONE));
    await assertAccessible(page, 'audit log filtered');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
