import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { LoginPage } from './pages/login.page.js';
import { TransferPage } from './pages/transfer.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

// The Chongqing demo: its region admin administers 渝中区 (500103).
const REGION_ADMIN = { login: 'region.admin', password: 'shanmei-demo' };

/** A new browser context signed in as the region admin, on the import page. */
async function openAsRegionAdmin(fx: Fixture) {
  const context = await newContext(fx.browser, fx.server.url);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(REGION_ADMIN.login, REGION_ADMIN.password);
  await page.waitForURL(/\/console$/);
  const transfer = new TransferPage(page);
  await transfer.open();
  return { context, page, errors, transfer };
}

describe('imports and exports in the administration console', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('a region admin uploads a register, follows it to the end and downloads the error report', async () => {
    const { context, page, errors, transfer } = await openAsRegionAdmin(fx);
    await assertAccessibleInEveryMode(page, 'imports and exports', () => transfer.settled());

    // The template's first row is the header the importer expects.
    const template = await page.request.get(`${fx.server.url}${await transfer.templateHref('csv')}`);
    assert.equal(template.status(), 200);
    const header = (await template.text()).replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    assert.match(header, /^姓名\*,证件类型\*,证件号码\*,手机号\*,所属区域\*/);

    // One good row, one in a district outside the admin's duty.
    const good = uniquePerson();
    const outside = uniquePerson();
    const csv =
      `\uFEFF${header}\r\n` +
      `导入一,居民身份证,${good.idNumber},${good.phone},500103\r\n` +
      `导入二,居民身份证,${outside.idNumber},${outside.phone},江北区\r\n`;
    await transfer.upload('register.csv', Buffer.from(csv));
    await transfer.ended();
    assert.equal(await transfer.status(), '已完成');
    assert.equal(await transfer.count('accepted'), '1');
    assert.equal(await transfer.count('rejected'), '1');
    // The address keeps the import, so a reload goes on following it.
    assert.match(page.url(), /\/admin\/data\?import=/);
    await page.reload();
    await transfer.ended();
    assert.equal(await transfer.count('accepted'), '1');
    await assertAccessibleInEveryMode(page, 'an import that ended', () => transfer.ended());

    // The error report names the row, the column and the reason, in the page's language.
    const report = await page.request.get(`${fx.server.url}${await transfer.reportHref('csv')}`);
    assert.equal(report.status(), 200);
    const rows = parse((await report.text()).replace(/^\uFEFF/, '')) as string[][];
    assert.deepEqual(rows.slice(1), [['3', '所属区域 (E)', '该区域不在您的管辖范围内']]);
    // Nothing personal in the addresses the page used.
    assert.ok(!page.url().includes(good.idNumber));

    // The history lists it, and the export link names the admin's district.
    assert.equal(await transfer.historyRows().count(), 1);
    assert.match(
      (await transfer.exportHref()) ?? '',
      /^\/api\/v1\/exports\/volunteers\?format=xlsx&lang=zh-CN&regionCode=500103$/,
    );
    // As CSV, the district's register holds the person just imported, ID and phone masked.
    await page.getByLabel('CSV').check();
    const href = (await transfer.exportHref()) ?? '';
    assert.match(href, /format=csv/);
    const exported = await page.request.get(`${fx.server.url}${href}`);
    assert.equal(exported.status(), 200);
    const text = await exported.text();
    const sheet = parse(text.replace(/^\uFEFF/, '')) as string[][];
    assert.ok(sheet[0]?.includes('姓名'), `header: ${sheet[0]?.join(',')}`);
    assert.ok(sheet.some((r) => r.includes('导入一')));
    assert.ok(!text.includes(good.idNumber) && !text.includes(good.phone));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('asks for a file before it uploads, and says so by keyboard', async () => {
    const { context, page, errors } = await openAsRegionAdmin(fx);
    // By keyboard: the file button, then start without a file.
    await page.locator('input[type=file]').focus();
    assert.equal(await page.evaluate('document.activeElement?.type'), 'file');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.dataset.testid'), 'import-start');
    await page.keyboard.press('Enter');
    await page.getByText('请先选择要导入的文件。').waitFor();
    assert.equal(await page.locator('input[type=file]').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
