import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessible } from './support/a11y.js';
import { ApiCaller, arrangeSites, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors, type ContextOptions } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, local, loggedIn, publishedActivity } from './support/service-helpers.js';

const PASSWORD = 'e2e-map-pass-1';

/** Where the references of the map lie: the two sites of 渝中区 the team may use (arrangeSites). */
const AREA = { minLat: 29.5, maxLat: 29.62, minLng: 106.5, maxLng: 106.64 };

/** Each run: a language, care mode or not, and a screen. */
const RUNS: { name: string; opts: ContextOptions; words: { field: string; confirmed: RegExp } }[] = [
  { name: 'zh-CN, 1366×768', opts: { width: 1366, height: 768 }, words: { field: '生态环保', confirmed: /已确认/ } },
  {
    name: 'en, 360×740',
    opts: { lang: 'en', width: 360, height: 740 },
    words: { field: 'Ecology', confirmed: /Confirmed/ },
  },
  {
    name: 'zh-CN care mode, 360×740',
    opts: { care: true, width: 360, height: 740 },
    words: { field: '生态环保', confirmed: /已确认/ },
  },
];

/** Axe finds nothing, and on a phone nothing scrolls sideways. */
async function checkStep(page: Page, where: string, width: number): Promise<void> {
  await assertAccessible(page, where);
  if (width > 400) return;
  const wide = Number(await page.evaluate('document.documentElement.scrollWidth'));
  assert.ok(wide <= width, `${where}: the page is ${wide} px wide on a ${width} px screen`);
}

describe('organiser: an activity placed on the map, published, and its record confirmed', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '邓队长', ...uniquePerson(), password: PASSWORD };
  let lead: ApiCaller;

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
    await arrangeSites(admin);
    lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
  });
  after(async () => {
    await fx?.close();
  });

  /** A volunteer's pending record: signed up to a shift under way, checked in and out by hand. */
  async function pendingRecordOf(name: string): Promise<void> {
    const person = { name, ...uniquePerson(), password: PASSWORD };
    const v = await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
    const start = e2eNow() - 2 * HOUR;
    const { shiftId } = await publishedActivity(lead, {
      title: `${name}的岸线巡护`,
      field: 'ecology',
      start,
      hours: 3,
      capacity: 5,
    });
    await (await ApiCaller.login(fx.server.url, person.phone, PASSWORD)).post(`/shifts/${shiftId}/signups`, {});
    const hand = { volunteerId: v.id, reason: '纸质签到表' };
    await lead.post(`/shifts/${shiftId}/attendance`, { ...hand, kind: 'in', at: new Date(start).toISOString() });
    await lead.post(`/shifts/${shiftId}/attendance`, { ...hand, kind: 'out' });
  }

  for (const [i, run] of RUNS.entries()) {
    it(`picks a position on the map, publishes, confirms a record (${run.name})`, async () => {
      const width = run.opts.width ?? 1280;
      const volunteer = ['林晓雨', '周明远', '唐秋菊'][i] ?? '林晓雨';
      await pendingRecordOf(volunteer);
      const [context, page] = await loggedIn(fx, leader.phone, PASSWORD, run.opts);
      const errors = watchErrors(page);
      const console_ = new OrganiserPage(page);

      await console_.openActivities();
      await console_.openCreate();
      await console_.positionMap().waitFor();
      await checkStep(page, `${run.name}: new activity with the map`, width);

      // Sent empty: the missing position is said under the latitude and longitude, not the address alone.
      await page.locator('form[aria-label] button[type="submit"]').click();
      const explain = (id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);
      await explain('lat').waitFor();
      await explain('lng').waitFor();

      // A click on the map fills both fields and clears their messages; arrow keys move the marker.
      await console_.pickOnMap(0.45, 0.55);
      const picked = await console_.position();
      assert.ok(picked.lat > AREA.minLat && picked.lat < AREA.maxLat, `latitude ${picked.lat} near the sites`);
      assert.ok(picked.lng > AREA.minLng && picked.lng < AREA.maxLng, `longitude ${picked.lng} near the sites`);
      await explain('lat').waitFor({ state: 'detached' });
      await console_.positionMap().focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Shift+ArrowRight');
      const moved = await console_.position();
      assert.ok(moved.lat > picked.lat, 'ArrowUp moves north');
      assert.ok(moved.lng > picked.lng, 'ArrowRight moves east');
      await checkStep(page, `${run.name}: position picked`, width);

      const title = `地图选点宣讲 ${i + 1}`;
      await page.locator('#title').fill(title);
      await console_.pick('field', run.words.field);
      await page.locator('#address').fill('重庆市渝中区 解放碑步行街');
      const start = e2eNow() + 48 * HOUR;
      await page.locator('#shifts_0_start').fill(local(start));
      await page.locator('#shifts_0_end').fill(local(start + 2 * HOUR));
      await page.locator('#shifts_0_capacity').fill('6');
      await page.locator('form[aria-label] button[type="submit"]').click();
      await page.locator('#org-activity-title', { hasText: title }).waitFor();
      await console_.settled();
      const activityId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const saved = await lead.get<{ lat: number; lng: number }>(`/activities/${activityId}`);
      assert.deepEqual({ lat: saved.lat, lng: saved.lng }, moved, 'the activity stands where the marker was left');
      await checkStep(page, `${run.name}: draft activity`, width);

      await console_.publish();
      await checkStep(page, `${run.name}: published activity`, width);

      await console_.openRecords();
      await console_.filterRecordsByVolunteer(volunteer);
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: volunteer });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /岸线巡护/);
      await checkStep(page, `${run.name}: records to confirm, filtered`, width);
      await row.getByTestId('record-confirm').click();
      await page.getByRole('button', { name: /确认记录|Confirm record/ }).waitFor();
      await checkStep(page, `${run.name}: confirming one record`, width);
      await page.getByRole('button', { name: /确认记录|Confirm record/ }).click();
      await page.locator('.ant-message-success').waitFor();
      await row.waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: /全部记录|All records/ }).click();
      await page
        .locator('.ant-table-tbody tr.ant-table-row', { hasText: volunteer })
        .getByTestId('record-status')
        .filter({ hasText: run.words.confirmed })
        .waitFor();
      assert.equal(new URL(page.url()).searchParams.get('volunteer'), volunteer, 'the filter stays in the URL');
      await checkStep(page, `${run.name}: all records, confirmed`, width);
      // What the filters show downloads as .xlsx.
      const download = page.waitForEvent('download');
      await page.getByTestId('records-export').click();
      assert.match((await download).suggestedFilename(), /^records-.*\.xlsx$/);

      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
