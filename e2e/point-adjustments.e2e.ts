import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PointRulesPage } from './pages/point-rules.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { loggedIn } from './support/service-helpers.js';

/** Large adjustments wait for a second admin, who approves or rejects them in the console. */
describe('points adjustments above the approval threshold', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let admin: ApiCaller;
  let volunteerId = '';
  const asker = { name: '吴区管', password: 'asker-region-pass-2026', ...uniquePerson() };
  const volunteer = { name: '钱善行', password: 'volunteer-pass-2026', ...uniquePerson() };
  const balance = async () => (await admin.get<{ balance: number }>(`/volunteers/${volunteerId}/points`)).balance;
  const pendingRows = (page: Page) => page.getByTestId('pending-adjustments').locator('tr.ant-table-row');

  before(async () => {
    fx = await openFixture();
    admin = await ApiCaller.login(fx.server.url);
    const a = await registerVolunteerByApi(fx.server.url, { ...asker, regionCode: '500103' });
    await admin.post('/roles', { userId: a.userId, role: 'region_admin', scopeType: 'region', scopeId: '500103' });
    volunteerId = (await registerVolunteerByApi(fx.server.url, { ...volunteer, regionCode: '500103' })).id;
  });
  after(async () => {
    await fx?.close();
  });

  it('a region admin asks for a large adjustment; it shows as pending and changes nothing yet', async () => {
    const [context, page] = await loggedIn(fx, asker.phone, asker.password);
    const errors = watchErrors(page);
    const rules = new PointRulesPage(page);
    await rules.openAdjustments();
    await rules.chooseVolunteer(volunteer.phone, volunteer.name);
    await page.locator('#adjust_amount').fill('20000');
    await page.locator('#adjust_reason').fill('年度优秀志愿者奖励');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-pending').waitFor();
    const row = pendingRows(page).filter({ hasText: volunteer.name });
    await row.filter({ hasText: '20000' }).waitFor();
    // the asker may not decide their own request
    assert.equal(await row.getByRole('button').count(), 0);
    await assertAccessibleInEveryMode(page, 'points adjustments with a pending request', () => rules.settled());
    assert.equal(await balance(), 0);
    // over the cap: refused at the amount field, in the page's language
    await page.locator('#adjust_amount').fill('100001');
    await page.locator('#adjust_reason').fill('超额');
    await page.getByTestId('adjust-submit').click();
    await page
      .locator('#adjust_amount_help')
      .filter({ hasText: /100000/ })
      .waitFor();
    assert.equal(await balance(), 0);
    // the refused request's 422 is expected; nothing else may go wrong
    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
    );
    await context.close();
  });

  it('a second admin approves by keyboard (applied once) and rejects another (nothing applied)', async () => {
    const askerApi = await ApiCaller.login(fx.server.url, asker.phone, asker.password);
    await askerApi.post(`/volunteers/${volunteerId}/points/adjustments`, {
      amount: 15000,
      reason: '重复申请',
      idempotencyKey: 'e2e-adjust-reject-1',
    });
    const [context, page] = await loggedIn(fx, 'admin', 'e2e-admin-password-1');
    const errors = watchErrors(page);
    const rules = new PointRulesPage(page);
    await rules.openAdjustments();
    await pendingRows(page).nth(1).waitFor();
    await assertAccessibleInEveryMode(page, 'pending adjustments for an approver', () => rules.settled());
    const approve = pendingRows(page)
      .filter({ hasText: '20000' })
      .getByRole('button', { name: /批准|Approve/ });
    await approve.focus();
    await page.keyboard.press('Enter');
    await rules.successNotice().waitFor();
    await pendingRows(page).filter({ hasText: '20000' }).waitFor({ state: 'detached' });
    assert.equal(await balance(), 20000);
    await pendingRows(page)
      .filter({ hasText: '15000' })
      .getByRole('button', { name: /驳回|Reject/ })
      .click();
    await pendingRows(page).filter({ hasText: '15000' }).waitFor({ state: 'detached' });
    await page
      .getByTestId('pending-adjustments')
      .getByText(/暂无待审批的调整|Nothing waits for approval/)
      .waitFor();
    assert.equal(await balance(), 20000);
    const decided = await admin.get<{ items: { amount: number }[] }>('/point-adjustments?status=rejected');
    assert.deepEqual(
      decided.items.map((a) => a.amount),
      [15000],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
