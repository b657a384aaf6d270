import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ConsoleFrame } from './pages/console.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { motionDone } from './support/motion.js';
import { loggedIn } from './support/service-helpers.js';
import { ADMIN_PASSWORD } from './support/test-server.js';
import { jpegWithGps } from '../test/photos.js';

const DEMO_PASSWORD = 'shanmei-demo';
const PLAN = '共护美丽长江志愿服务专项实施方案';
const TASK = '嘉陵江渝中段常态化巡河';

/** Nothing loading and no animation running. */
const settled = async (page: Page) => {
  await new ConsoleFrame(page).settled();
  await motionDone(page);
};

/** The ecology department's admin reports a key task's progress; the city's overview shows it. */
describe('department plans: a progress update rolls up to the city overview', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('dept.admin adds a progress update and the system admin sees it in the overview, in zh-CN, en and care mode', async () => {
    const [context, page] = await loggedIn(fx, 'dept.admin', DEMO_PASSWORD);
    const errors = watchErrors(page);
    // From the console's menu, as an admin finds it.
    await page.goto(`${fx.server.url}/console`);
    await new ConsoleFrame(page).menu().getByRole('menuitem', { name: '专项实施方案' }).click();
    const link = page.getByRole('link', { name: PLAN });
    await link.waitFor();
    await assertAccessibleInEveryMode(page, 'plans list', () => settled(page));

    await link.click();
    await page.locator('h1', { hasText: PLAN }).waitFor();
    const row = page.locator('tr.plan-task', { hasText: TASK });
    await row.waitFor();
    await assertAccessibleInEveryMode(page, 'plan detail', () => settled(page));

    // By keyboard: the row's button opens its form; the value is typed and the form sent with Enter.
    const open = row.getByRole('button');
    await open.focus();
    await page.keyboard.press('Enter');
    const form = row.locator('form');
    await form.waitFor();
    await assertAccessibleInEveryMode(page, 'plan detail, progress form open', () => settled(page));
    await form.locator('input').first().fill('48');
    await form.locator('textarea').fill('全年 48 次巡河已完成，巡河记录见台账');
    // An evidence photo, uploaded as it is picked and shown as a thumbnail before the form is sent.
    await form.getByTestId('plan-evidence-input').setInputFiles({
      name: 'IMG_0101.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpegWithGps({ width: 800, height: 600 }),
    });
    await form.getByTestId('plan-evidence-preview').waitFor();
    await assertAccessibleInEveryMode(page, 'plan detail, progress form with a photo', () => settled(page));
    await form.locator('input').first().press('Enter');
    await row.locator('text=48 / 48').waitFor();
    await row.locator('.plan-note', { hasText: '全年 48 次巡河' }).waitFor();
    // The update's photo: a thumbnail linking to the full photo, served to the plan's editor.
    const thumb = row.getByTestId('plan-evidence');
    await thumb.waitFor();
    const href = (await thumb.locator('xpath=..').getAttribute('href')) ?? '';
    assert.match(href, /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    assert.equal((await page.request.get(href)).status(), 200);
    await assertAccessibleInEveryMode(page, 'plan detail with an evidence photo', () => settled(page));
    const planPct = (await page.locator('.plan-total .plan-progress-figure').textContent()) ?? '';
    assert.match(planPct, /^\d+%$/);
    assert.deepEqual(errors, []);
    await context.close();

    const [cityContext, city] = await loggedIn(fx, 'admin', ADMIN_PASSWORD);
    const cityErrors = watchErrors(city);
    await city.goto(`${fx.server.url}/console`);
    await new ConsoleFrame(city).menu().getByRole('menuitem', { name: '全市方案进度' }).click();
    const ecology = city.locator('#plan-overview tbody tr', { hasText: '市生态环境局' });
    await ecology.waitFor();
    // One plan of the department: its row's progress is the plan's.
    assert.equal(await ecology.locator('.plan-progress-figure').textContent(), planPct);
    await assertAccessibleInEveryMode(city, 'plans overview', () => settled(city));

    // The statistics page shows the same table to the city, with its .xlsx.
    await new ConsoleFrame(city).menu().getByRole('menuitem', { name: '数据统计' }).click();
    const statsRow = city.locator('#stats-plan-overview tbody tr', { hasText: '市生态环境局' });
    await statsRow.waitFor();
    assert.equal(await statsRow.locator('.plan-progress-figure').textContent(), planPct);
    const xlsx = await city.request.get((await city.getByTestId('stats-plans-export').getAttribute('href')) ?? '');
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
    await assertAccessibleInEveryMode(city, 'statistics with the plans table', () => settled(city));
    assert.deepEqual(cityErrors, []);
    await cityContext.close();
  });

  it('dept.admin corrects one spending entry and removes another by keyboard; spent follows, in zh-CN, en and care mode', async () => {
    const [context, page] = await loggedIn(fx, 'dept.admin', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${fx.server.url}/admin/plans`);
    await page.getByRole('link', { name: PLAN }).click();
    const funding = page.locator('#plan-funding').locator('xpath=..');
    const programme = funding.locator('tbody tr', { hasText: '共护美丽长江' });
    await programme.waitFor();
    // The demo spent ¥42,000 on supplies and ¥18,500 on insurance.
    await programme.locator('td', { hasText: '¥60,500.00' }).first().waitFor();
    const insurance = programme.getByTestId('plan-spending').filter({ hasText: '志愿者保险' });
    const correct = insurance.getByRole('button', { name: /^更正/ });
    await correct.focus();
    await page.keyboard.press('Enter');
    const form = insurance.locator('form');
    await form.waitFor();
    await assertAccessibleInEveryMode(page, 'plan detail, spending correction open', () => settled(page));
    const amount = form.locator('input').first();
    assert.equal(await amount.inputValue(), '18500.00');
    await amount.fill('18000');
    await form.locator('input[type=text], input:not([type])').last().fill('志愿者保险（退回 500 元）');
    await amount.press('Enter');
    await insurance.filter({ hasText: '退回 500 元' }).filter({ hasText: '¥18,000.00' }).waitFor();
    await programme.locator('td', { hasText: '¥60,000.00' }).first().waitFor();
    assert.equal(await form.count(), 0);

    // Removing asks first; the question's OK is reached by keyboard too.
    const supplies = programme.getByTestId('plan-spending').filter({ hasText: '物资采购' });
    await supplies.getByRole('button', { name: /^删除/ }).focus();
    await page.keyboard.press('Enter');
    const ok = page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: '删 除' })
      .or(page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }));
    await ok.waitFor();
    await settled(page);
    await assertAccessible(page, 'plan detail, removing a spending entry');
    await ok.focus();
    await page.keyboard.press('Enter');
    await supplies.waitFor({ state: 'detached' });
    await programme.locator('td', { hasText: '¥18,000.00' }).first().waitFor();
    await assertAccessibleInEveryMode(page, 'plan detail after corrections', () => settled(page));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
