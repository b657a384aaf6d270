import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminPage } from './pages/admin.page.js';
import { LoginPage } from './pages/login.page.js';
import { SitesMapPage } from './pages/sites-map.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { ADMIN_PASSWORD } from './support/test-server.js';

describe('administration console', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('an admin logs in, browses regions, creates an organisation and a site, and grants a role', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await login.logIn('admin', ADMIN_PASSWORD);
    // Admins land on their workbench; the regions are one menu entry away.
    await page.waitForURL(/\/console$/);

    const admin = new AdminPage(page);
    await admin.open('regions');
    await admin.treeNodes().first().waitFor();
    assert.match((await admin.treeNodes().first().textContent()) ?? '', /重庆市/);
    await page.locator('.ant-tree-switcher').first().click();
    await admin.treeNodes().filter({ hasText: '渝中区' }).first().waitFor();
    await assertAccessibleInEveryMode(page, 'admin regions', () => admin.settled());

    await admin.open('organisations');
    await assertAccessibleInEveryMode(page, 'admin organisations', () => admin.settled());
    await admin.createOrganisation({
      name: '渝中区生态环境志愿服务队',
      kindLabel: '志愿服务队',
      levelLabel: '区县级',
      regionNames: ['重庆市', '渝中区'],
    });
    await admin.successNotice().waitFor();
    await admin.tableRows().filter({ hasText: '渝中区生态环境志愿服务队' }).waitFor();
    await admin.treeNodes().filter({ hasText: '渝中区生态环境志愿服务队' }).waitFor();
    await assertAccessible(page, 'admin organisations after create');
    await admin.searchOrganisations('生态环境志愿');
    await page.waitForFunction('document.querySelectorAll(".ant-table-tbody tr.ant-table-row").length === 1');
    assert.match((await admin.tableRows().first().textContent()) ?? '', /渝中区生态环境志愿服务队/);

    await admin.open('sites');
    await assertAccessibleInEveryMode(page, 'admin sites', () => admin.settled());
    await admin.createSite({
      name: '较场口志愿服务站',
      typeLabel: '村社实践站（点）',
      regionNames: ['重庆市', '渝中区'],
      address: '重庆市渝中区较场口 1 号',
      lat: 29.5536,
      lng: 106.5726,
    });
    await admin.successNotice().waitFor();
    await admin.tableRows().filter({ hasText: '较场口志愿服务站' }).waitFor();

    const person = uniquePerson();
    const v = await registerVolunteerByApi(fx.server.url, {
      name: '王队长',
      password: 'leader-pass-1',
      regionCode: '500103',
      ...person,
    });
    await admin.open('roles');
    await assertAccessibleInEveryMode(page, 'admin roles', () => admin.settled());
    // The person is found by name, never by an account id.
    await admin.searchVolunteers('王队长');
    await admin
      .volunteerRows()
      .filter({ hasText: v.volunteerCode })
      .getByRole('button', { name: /选\s?择/ })
      .click();
    await page.getByTestId('roles-person').filter({ hasText: '王队长' }).waitFor();
    await admin.pick('role', '地区管理员');
    await admin.pickRegion('region', ['重庆市', '渝中区']);
    await page.locator('form[aria-label] button[type="submit"]').click();
    await admin.successNotice().waitFor();
    assert.match((await admin.successNotice().textContent()) ?? '', /地区管理员/);
    const grantRow = page.locator('.user-grants tr.ant-table-row', { hasText: '地区管理员' });
    await grantRow.waitFor();
    await assertAccessible(page, "admin roles with the user's grants");
    await grantRow.getByRole('button', { name: /撤\s?销/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await grantRow.waitFor({ state: 'detached' });

    // The new site is on the public map.
    const map = new SitesMapPage(page);
    await map.open();
    await map.listItems().filter({ hasText: '较场口志愿服务站' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps the console from people who are not admins', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/admin');
    await page.waitForURL(/\/login$/);
    await context.close();
  });
});
