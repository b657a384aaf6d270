import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { AdminPage } from './pages/admin.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { motionDone } from './support/motion.js';
import { loggedIn, signedIn } from './support/service-helpers.js';

// The Chongqing demo: its region admin administers 渝中区, where the demo volunteer 陈善美 lives;
// the city's rule gives a city-level honour 200 points.
const REGION_ADMIN = { login: 'region.admin', password: 'shanmei-demo' };
const DEMO_VOLUNTEER = { login: '13800000001', password: 'shanmei-demo' };
const HONOUR = '重庆市优秀志愿者';
/** Run in the page on an <img>: resolves once it has loaded and has pixels (the server answered an image). */
const loaded = (img: { complete: boolean; naturalWidth: number; decode(): Promise<void> }) =>
  img.decode().then(() => {
    if (!img.complete || img.naturalWidth === 0) throw new Error('the image did not load');
  });

describe('honours (荣誉)', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it("a region admin records a volunteer's honour and uploads its certificate image; the volunteer sees both, with its points, on Me", async () => {
    const { context, page, errors } = await signedIn(fx, REGION_ADMIN.login, REGION_ADMIN.password);
    await page.waitForURL(/\/console$/);
    const admin = new AdminPage(page);
    await admin.open('volunteers');
    await admin.searchVolunteers('陈善');
    await admin.volunteerRows().filter({ hasText: '陈善美' }).waitFor();
    await admin
      .volunteerRows()
      .first()
      .getByRole('button', { name: /陈善美/ })
      .click();
    const drawer = admin.drawer();
    await drawer.getByRole('tab', { name: '荣誉' }).click();
    const honours = drawer.getByTestId('admin-honours');
    // The demo volunteer's street honour is there already.
    await honours.locator('.ant-table-row', { hasText: '解放碑街道优秀志愿者' }).waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'volunteer drawer, honours');

    // The "add honour" dialog.
    await honours.getByRole('button', { name: '登记荣誉' }).click();
    const dialog = page.getByRole('dialog', { name: '登记荣誉' });
    await dialog.waitFor();
    await page.locator('#honour_name').waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'add honour dialog');
    await page.locator('#honour_name').fill(HONOUR);
    await admin.pick('honour_level', '市级');
    await page.locator('#honour_year').fill('2025');
    await page.locator('#honour_issuer').fill('重庆市文明办');
    // (Ant Design spaces out a two-character label: "登 记".)
    await dialog.getByRole('button', { name: /^登\s?记$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await honours.locator('.ant-alert-success', { hasText: '200' }).waitFor();
    const row = honours.locator('.ant-table-row', { hasText: HONOUR });
    await row.waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'volunteer drawer, an honour recorded');

    // Its certificate image, uploaded from the row, shows as a thumbnail opening the full image.
    const certificate = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    await row.getByRole('button', { name: `上传证书图片：${HONOUR}（JPEG、PNG 或 HEIC）` }).waitFor();
    await row.getByTestId('honour-image-input').setInputFiles({
      name: '证书.png',
      mimeType: 'image/png',
      buffer: certificate,
    });
    await honours.locator('.ant-alert-success', { hasText: '证书图片' }).waitFor();
    const thumb = row.getByRole('img', { name: `「${HONOUR}」的证书图片：查看原图` });
    await thumb.waitFor();
    await row.getByRole('button', { name: `更换证书图片：${HONOUR}（JPEG、PNG 或 HEIC）` }).waitFor();
    await thumb.evaluate(loaded);
    await admin.motionDone();
    await assertAccessible(page, 'volunteer drawer, an honour with its certificate image');
    assert.deepEqual(errors, []);
    await context.close();

    // The volunteer sees it on Me, with the points it earned, in zh-CN, en and care mode.
    const [own, me] = await loggedIn(fx, DEMO_VOLUNTEER.login, DEMO_VOLUNTEER.password);
    const meErrors = watchErrors(me);
    await me.goto(`${fx.server.url}/me`);
    const list = me.getByTestId('honours-volunteer');
    const ready = async () => {
      await list.locator('li', { hasText: HONOUR }).waitFor();
      await motionDone(me);
    };
    await ready();
    const line = (await list.locator('li', { hasText: HONOUR }).textContent()) ?? '';
    assert.match(line, /市级/);
    assert.match(line, /2025/);
    assert.match(line, /200/);
    const ownThumb = list.locator('li', { hasText: HONOUR }).getByTestId('honour-image');
    await ownThumb.evaluate(loaded);
    await assertAccessibleInEveryMode(me, 'my honours on Me', ready);
    assert.deepEqual(meErrors, []);
    await own.close();
  });

  it("shows a brand project's honours with their levels on its public page", async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${fx.server.url}/`);
    await page.getByRole('link', { name: '春风满巴渝' }).first().click();
    const list = page.getByTestId('honours-project');
    const ready = async () => {
      await list.locator('li').first().waitFor();
      await motionDone(page);
    };
    await ready();
    assert.match((await list.textContent()) ?? '', /全国志愿服务优秀项目 · 国家级/);
    await assertAccessibleInEveryMode(page, 'a brand project with its honours', ready);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("the project's department admin adds and removes its honours from its page, by keyboard, with a dialog that passes axe", async () => {
    const PROJECT_HONOUR = '重庆市生态环境志愿服务优秀项目';
    const [context, page] = await loggedIn(fx, 'dept.admin', 'shanmei-demo');
    const errors = watchErrors(page);
    const admin = new AdminPage(page);
    await page.goto(`${fx.server.url}/`);
    await page.getByRole('link', { name: '共护美丽长江' }).first().click();
    const manage = page.getByRole('button', { name: '管理荣誉' });
    await manage.waitFor();
    await assertAccessibleInEveryMode(page, 'a brand project, for its department admin', () => motionDone(page));
    await manage.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '共护美丽长江的荣誉' });
    const honours = dialog.getByTestId('admin-honours');
    await honours.waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'project honours dialog');

    await honours.getByRole('button', { name: '登记荣誉' }).click();
    const add = page.getByRole('dialog', { name: '登记荣誉' });
    await page.locator('#honour_name').waitFor();
    await page.locator('#honour_name').fill(PROJECT_HONOUR);
    await admin.pick('honour_level', '市级');
    await page.locator('#honour_year').fill('2025');
    await add.getByRole('button', { name: /^登\s?记$/ }).click();
    await add.waitFor({ state: 'hidden' });
    const row = honours.locator('.ant-table-row', { hasText: PROJECT_HONOUR });
    await row.waitFor();
    await admin.motionDone();
    await assertAccessible(page, 'project honours dialog, an honour recorded');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The public list of the page shows it at once.
    const list = page.getByTestId('honours-project');
    await list.locator('li', { hasText: `${PROJECT_HONOUR} · 市级 · 2025` }).waitFor();
    await assertAccessibleInEveryMode(page, 'a brand project with an honour just added', () => motionDone(page));

    // Removed again from the dialog, after a confirmation.
    await manage.click();
    await row.waitFor();
    await row.getByRole('button', { name: /^删\s?除$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^删\s?除$/ })
      .click();
    await row.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await list.locator('li', { hasText: PROJECT_HONOUR }).waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();

    // Anyone else sees no button.
    const visitor = await newContext(fx.browser, fx.server.url);
    const anon = await visitor.newPage();
    await anon.goto(`${fx.server.url}/`);
    await anon.getByRole('link', { name: '共护美丽长江' }).first().click();
    await anon.locator('h1', { hasText: '共护美丽长江' }).waitFor();
    await anon.waitForLoadState('networkidle');
    assert.equal(await anon.getByRole('button', { name: '管理荣誉' }).count(), 0);
    await visitor.close();
  });
});
