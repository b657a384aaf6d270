import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { jpegWithGps } from '../test/photos.js';
import { AppShell } from './pages/app-shell.page.js';
import { ConsoleFrame } from './pages/console.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller } from './support/api-setup.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { motionDone } from './support/motion.js';
import { signedIn } from './support/service-helpers.js';

const DEMO_PASSWORD = 'shanmei-demo';
const PHONE = { width: 390, height: 844 };
const TEXT = '嘉陵江边的排水口冒黑水，有异味';
const NOTE = '已联系排水公司封堵排污口，河水已恢复';

/** Nothing loading and no animation running. */
const settled = async (page: Page) => {
  await new AppShell(page).settled();
  await motionDone(page);
};

/** How far a page scrolls sideways (0 or less: it fits). */
const overflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describe('a report (随手拍) from a phone to its answer in the console', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let reportUrl = '';

  before(async () => {
    fx = await openFixture({ demo: true });
    // 渝中区's region admin routes river reports to the demo team.
    const teamAdmin = await ApiCaller.login(fx.server.url, 'team.admin', DEMO_PASSWORD);
    const me = await teamAdmin.get<{ roles: { role: string; scopeId: string }[] }>('/me');
    const teamId = me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '';
    const admin = await ApiCaller.login(fx.server.url, 'region.admin', DEMO_PASSWORD);
    const region = (await admin.get<{ roles: { role: string; scopeId: string }[] }>('/me')).roles.find(
      (g) => g.role === 'region_admin',
    )?.scopeId;
    await admin.put('/reports/routes', { regionCode: region, category: 'water', organisationId: teamId });
  });
  after(async () => {
    await fx?.close();
  });

  it('the resident sends a report with a photo at phone width, position given only with consent', async () => {
    const { context, page, errors } = await signedIn(fx, 'resident', DEMO_PASSWORD, PHONE);
    await page.goto('/reports');
    await page.getByTestId('post-report').click();
    await page.waitForURL(/\/reports\/new$/);
    await page.getByTestId('region-level-0').locator('option').nth(1).waitFor({ state: 'attached' });
    await assertAccessibleInEveryMode(page, 'report form', () => settled(page));

    await page.getByTestId('report-photo-input').setInputFiles({
      name: 'IMG_0201.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpegWithGps({ width: 800, height: 600 }),
    });
    await page.getByTestId('report-photo-preview').waitFor();
    await page.locator('select[name="category"]').selectOption('water');
    await page.locator('textarea[name="text"]').fill(TEXT);
    for (const [i, code] of ['500000', '500103'].entries()) {
      const select = page.getByTestId(`region-level-${i}`);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
    // No position field until the reporter agrees to give one.
    assert.equal(await page.locator('input[name="lat"]').count(), 0);
    await page.getByTestId('report-position-consent').check();
    await page.locator('input[name="lat"]').fill('29.5576');
    await page.locator('input[name="lng"]').fill('106.5774');
    await assertAccessibleInEveryMode(page, 'report form filled, with a photo and a position', () => settled(page));
    assert.ok((await overflow(page)) <= 0, 'the form fits a phone');

    await page.getByTestId('report-submit').click();
    await page.waitForURL(/\/reports\/(?!new)[^/]+$/);
    reportUrl = new URL(page.url()).pathname;
    await page.getByTestId('report-status').filter({ hasText: '已交办' }).waitFor();
    const kinds = await page
      .getByTestId('report-event')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.deepEqual(kinds, ['submitted', 'routed']);
    await page.getByTestId('report-photo').waitFor();
    assert.ok((await overflow(page)) <= 0, 'the report fits a phone');
    await assertAccessibleInEveryMode(page, 'a sent report', () => settled(page));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the team answers it in the console, and the reporter sees it handled', async () => {
    const team = await signedIn(fx, 'team.admin');
    const frame = new ConsoleFrame(team.page);
    await team.page.goto('/console');
    await frame.menu().getByRole('menuitem', { name: '随手拍办理' }).click();
    const row = team.page.getByTestId('console-report').filter({ hasText: TEXT });
    await row.waitFor();
    await assertAccessibleInEveryMode(team.page, 'reports console', () => settled(team.page));
    // By keyboard: the row's button opens the panel, and focus moves to it.
    await row.getByTestId('console-report-open').focus();
    await team.page.keyboard.press('Enter');
    const panel = team.page.getByTestId('report-panel');
    await panel.getByTestId('report-answer-note').waitFor();
    await team.page.waitForFunction(`document.activeElement?.id === 'report-panel-title'`);
    await assertAccessibleInEveryMode(team.page, 'reports console, one opened', () => settled(team.page));
    await panel.getByTestId('report-answer-note').fill(NOTE);
    await panel.getByTestId('report-answer-submit').click();
    await panel.getByTestId('report-status').filter({ hasText: '已办结' }).waitFor();
    await panel.locator('[data-testid="report-event"][data-kind="handled"]', { hasText: NOTE }).waitFor();
    await assertAccessibleInEveryMode(team.page, 'reports console, answered', () => settled(team.page));
    assert.deepEqual(team.errors, []);
    await team.context.close();

    const resident = await signedIn(fx, 'resident', DEMO_PASSWORD, PHONE);
    await resident.page.goto(reportUrl);
    await resident.page.getByTestId('report-status').filter({ hasText: '已办结' }).waitFor();
    await resident.page.locator('[data-testid="report-event"][data-kind="handled"]', { hasText: NOTE }).waitFor();
    await assertAccessibleInEveryMode(resident.page, 'a handled report', () => settled(resident.page));
    // Told in the inbox, with the way back to the report.
    await resident.page.goto('/inbox');
    const notice = resident.page.getByTestId('inbox-item').filter({ hasText: '您的随手拍已办结' });
    await notice.getByRole('link', { name: '查看随手拍' }).click();
    await resident.page.waitForURL((u) => u.pathname === reportUrl);
    assert.deepEqual(resident.errors, []);
    await resident.context.close();
  });
});
