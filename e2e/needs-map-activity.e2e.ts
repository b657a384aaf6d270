import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wallTime } from '../src/common/zoned-time.js';
import { signedIn } from './support/service-helpers.js';
import { NeedsBoardPage, NeedsPage } from './pages/needs.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller } from './support/api-setup.js';
import { e2eNow, PLATFORM_TIME_ZONE as TZ } from './support/clock.js';
import { openFixture, type Fixture } from './support/fixture.js';

const DEMO_PASSWORD = 'shanmei-demo';
const DAY = 86_400_000;
const TEAM = '渝中区生态环境志愿服务大队';
const TEXT = '楼道灯坏了，老人晚上上下楼看不见';

interface Need {
  id: string;
  status: string;
  position: { lat: number; lng: number } | null;
  activityId: string | null;
}

describe('a need placed on the map, turned into an activity, counted by site', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let needId = '';

  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('the resident picks the position on the map, moves it by keyboard, or types it', async () => {
    const resident = await signedIn(fx, 'resident');
    const page = resident.page;
    const needs = new NeedsPage(page);
    await needs.openPostForm();
    await needs.fill({
      type: 'repair',
      text: TEXT,
      regionPath: ['500000', '500103'],
      address: '解放碑街道民族路 90 号',
      wantedAt: wallTime(e2eNow() + 2 * DAY, TZ).slice(0, 11) + '19:00',
      phone: '13912345679',
    });
    await needs.input('riskAccepted').check();
    const map = page.getByTestId('position-map');
    // The region's sites are drawn to steer by: the map takes clicks once they are there.
    await page.locator('[data-testid="position-map"][tabindex="0"]').waitFor();
    await assertAccessibleInEveryMode(page, 'post a need with the map', () => needs.settled());

    const box = await map.boundingBox();
    assert.ok(box, 'the map is shown');
    await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
    const read = async () => ({
      lat: Number(await needs.input('lat').inputValue()),
      lng: Number(await needs.input('lng').inputValue()),
    });
    const picked = await read();
    assert.ok(picked.lat > 29 && picked.lat < 30.5, `latitude ${picked.lat} near the sites`);
    assert.ok(picked.lng > 106 && picked.lng < 107, `longitude ${picked.lng} near the sites`);
    await map.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    const moved = await read();
    assert.ok(moved.lat > picked.lat && moved.lng > picked.lng, 'the arrows move the marker north and east');
    await assertAccessibleInEveryMode(page, 'post a need, position picked', () => needs.settled());

    // One coordinate alone is refused before sending; typed ones are exact.
    await page.getByTestId('need-position-clear').click();
    await needs.input('lat').fill('29.5576');
    await needs.submit();
    await page.locator('.need-position .field-error').waitFor();
    assert.match(page.url(), /\/needs\/new$/);
    await needs.input('lng').fill('106.5774');
    await needs.submit();
    await page.waitForURL(/\/needs\/(?!new)[^/]+$/);
    needId = page.url().split('/').at(-1) ?? '';
    assert.ok(!page.url().includes('29.55'), 'the position never goes into a URL');
    const api = await ApiCaller.login(fx.server.url, 'resident', DEMO_PASSWORD);
    assert.deepEqual((await api.get<Need>(`/needs/${needId}`)).position, { lat: 29.5576, lng: 106.5774 });
    assert.deepEqual(resident.errors, []);
    await resident.context.close();
  });

  it('the region admin accepts it and turns it into a draft activity with one shift, then sees it by site', async () => {
    const admin = await signedIn(fx, 'region.admin');
    const page = admin.page;
    const board = new NeedsBoardPage(page);
    await board.open('/admin/needs');
    await board.openRow(TEXT);
    await board.panel().getByTestId('need-accept').click();
    await board.panel().getByTestId('need-to-activity').waitFor();
    const dialog = page.locator('.ant-modal');
    const openDialog = async () => {
      await board.panel().getByTestId('need-to-activity').click();
      await dialog.locator('form').waitFor();
      await board.settled();
    };
    // The dialog in both languages, with and without care mode: the header's switches sit behind
    // it, so it is closed (by Escape) to flip each one and opened again.
    for (const [i, flip] of ['language-switch', 'care-mode-switch', 'language-switch', 'care-mode-switch'].entries()) {
      await openDialog();
      await assertAccessible(page, `need to activity dialog (${i})`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId(flip).click();
      await board.settled();
    }
    await page.waitForFunction(`document.documentElement.lang === 'zh-CN'`);
    await openDialog();

    // Sent empty: each required field says so, and nothing is made.
    await page.getByTestId('need-activity-submit').click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();

    const team = dialog.locator('#need-activity_organisationId');
    await team.click();
    // The list answers the search as it is typed: once the whole name's answer heads it, Enter
    // takes it (a pointer aimed at a list still being redrawn could miss).
    await team.fill(TEAM);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
      .filter({ hasText: TEAM })
      .waitFor();
    await page.keyboard.press('Enter');
    await dialog.locator('.ant-select-content', { hasText: TEAM }).waitFor();
    const popupsClosed = (timeout?: number) =>
      page.waitForFunction(
        `[...document.querySelectorAll('.ant-select-dropdown')].every((e) => getComputedStyle(e).display === 'none' || e.classList.contains('ant-select-dropdown-hidden'))`,
        undefined,
        { timeout },
      );
    await popupsClosed();
    const pick = async (id: string, label?: string) => {
      // A list still loading (the sites follow the team) is redrawn under the pointer once its
      // answer comes: pick once the spinner has gone, as a person would.
      const item = dialog.locator('.ant-form-item', { has: dialog.locator(`#${id}`) });
      await item.locator('.anticon-loading').waitFor({ state: 'detached' });
      await dialog.locator(`#${id}`).click();
      const option = page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label })
        .first();
      // Under load a click can fall between two draws of the list and be lost (seen about once in
      // eight runs on two cores): a person would click again while the list still shows.
      for (let attempt = 1; ; attempt++) {
        await option.click();
        const closed = await popupsClosed(3_000).then(
          () => true,
          () => false,
        );
        if (closed) return;
        // Still closing (slowly), or the click was lost and the list is still open.
        if (attempt === 3 || !(await option.isVisible())) return void (await popupsClosed());
      }
    };
    await pick('need-activity_field');
    await pick('need-activity_siteId', '解放碑街道新时代文明实践所');
    const start = wallTime(e2eNow() + 2 * DAY, TZ).slice(0, 11);
    await dialog.locator('#need-activity_start').fill(`${start}19:00`);
    await dialog.locator('#need-activity_end').fill(`${start}21:00`);
    await page.getByTestId('need-activity-submit').click();
    await board.panel().getByTestId('need-activity-link').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await board.settled();
    await assertAccessibleInEveryMode(page, 'needs board, turned into an activity', () => board.settled());

    const api = await ApiCaller.login(fx.server.url, 'region.admin', DEMO_PASSWORD);
    const need = await api.get<Need>(`/needs/${needId}`);
    assert.equal(need.status, 'dispatched');
    assert.ok(need.activityId, 'the need carries its activity');
    const activity = await api.get<{ status: string; shifts: { capacity: number }[] }>(
      `/activities/${need.activityId}`,
    );
    assert.equal(activity.status, 'draft');
    assert.equal(activity.shifts[0]?.capacity, 2);
    const href = await board.panel().getByTestId('need-activity-link').locator('a').getAttribute('href');
    assert.equal(href, `/organiser/activities/${need.activityId}`);

    // The statistics by site under the board: the region's needs, each site or none.
    await page.getByTestId('need-stats-site').first().waitFor();
    assert.ok((await page.getByTestId('need-stats-site').count()) >= 1);
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });
});
