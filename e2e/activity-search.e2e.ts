import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../src/common/zoned-time.js';
import { ActivitiesPage } from './pages/activities.page.js';
import { PortalPage } from './pages/portal.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeSites, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { e2eNow, PLATFORM_TIME_ZONE } from './support/clock.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, loggedIn, publishedActivity, SITE } from './support/service-helpers.js';

const DAY = 24 * HOUR;
const CONTACT = { contactName: '刘联络员', contactPhone: '023-63851234' };
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
];

/** Fails when the page scrolls sideways at its width. */
async function noSideScroll(page: Page, where: string): Promise<void> {
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px at ${page.viewportSize()?.width}px`);
}

describe('finding an activity: keyword, dates, places left, map, sign-up and contact', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '周队长', password: 'leader-pass-1', ...uniquePerson() };
  const day = localDate(e2eNow() + 2 * DAY, PLATFORM_TIME_ZONE);

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
    await arrangeSites(admin);
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const soon = e2eNow() + 2 * DAY;
    const base = { field: 'ecology', start: soon, hours: 2 };
    await publishedActivity(lead, { ...base, title: '长江岸线护河行动', capacity: 5, contact: CONTACT });
    const full = await publishedActivity(lead, { ...base, title: '长江岸线垃圾分拣', capacity: 1 });
    await publishedActivity(lead, { ...base, title: '长江岸线下周巡查', capacity: 5, start: soon + 6 * DAY });
    await publishedActivity(lead, { ...base, title: '社区义诊', field: 'health', capacity: 5 });
    const first = { name: '钱先到', password: 'first-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...first, regionCode: '500103' });
    await (
      await ApiCaller.login(fx.server.url, first.phone, first.password)
    ).post(`/shifts/${full.shiftId}/signups`, {});
  });
  after(async () => {
    await fx?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`finds, opens and signs up at ${viewport.width}×${viewport.height}, in zh-CN, English and care mode`, async () => {
      const person = { name: '吴找活动', password: 'finder-pass-1', ...uniquePerson() };
      await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
      const [context, page] = await loggedIn(fx, person.phone, person.password, viewport);
      const errors = watchErrors(page);
      const list = new ActivitiesPage(page);
      await list.open();

      // The keyword, typed and sent with Enter, lands in the URL; what does not match is gone.
      await page.getByTestId('activity-search').fill('长江岸线');
      await page.getByTestId('activity-search').press('Enter');
      await page.waitForURL(/[?&]q=/);
      await page.waitForFunction('document.querySelectorAll("[data-testid=activity-card]").length === 3');
      const card = (title: string) => list.cards().filter({ hasText: title });
      assert.match((await card('垃圾分拣').getByTestId('places-left').textContent()) ?? '', /^已满$/);
      assert.match((await card('护河行动').getByTestId('places-left').textContent()) ?? '', /^剩余 \d 个名额$/);
      await noSideScroll(page, 'the keyword results');

      // The chosen day (the platform's), then "has places": the full one goes.
      await page.getByLabel('开始日期').fill(day);
      await page.getByLabel('结束日期').fill(day);
      await page.waitForFunction('document.querySelectorAll("[data-testid=activity-card]").length === 2');
      // The switch follows the URL, so its state changes after the click's navigation, not during it.
      await page.getByTestId('has-places').click();
      await page.waitForURL(/hasPlaces=true/);
      await page.waitForFunction('document.querySelectorAll("[data-testid=activity-card]").length === 1');
      await assertAccessibleInEveryMode(page, 'activities found by keyword with places left', async () => {
        await card('护河行动').waitFor();
        await noSideScroll(page, 'the filtered list');
      });

      // Back and forward step through the filters.
      await page.goBack();
      await page.waitForFunction('document.querySelectorAll("[data-testid=activity-card]").length === 2');
      assert.equal(await page.getByTestId('has-places').isChecked(), false);
      assert.equal(await page.getByTestId('activity-search').inputValue(), '长江岸线');
      await page.goForward();
      await page.waitForFunction('document.querySelectorAll("[data-testid=activity-card]").length === 1');

      // The activity: a small map of the place, the way there, and no contact before signing up.
      await list.openActivity('长江岸线护河行动');
      await page.getByTestId('place-map').waitFor();
      const geo = (await page.getByTestId('directions-link').getAttribute('href')) ?? '';
      const at = `${SITE.lat},${SITE.lng}`;
      assert.ok(geo.startsWith(`geo:${at}?q=${at}(`), geo);
      assert.equal(await page.getByTestId('activity-contact').count(), 0);
      await assertAccessibleInEveryMode(page, 'an activity before signing up', async () => {
        await page.getByTestId('directions-link').waitFor();
        await noSideScroll(page, 'the activity');
      });

      // Signing up is confirmed in place; whom to call shows then.
      await list.signUpButton().click();
      await page.getByRole('status').getByText('报名成功！').waitFor();
      await list.myStatus().filter({ hasText: '已报名' }).waitFor();
      const contact = page.getByTestId('activity-contact');
      await contact.waitFor();
      assert.match((await contact.textContent()) ?? '', /刘联络员.*023-63851234/);
      assert.equal(await contact.getByRole('link', { name: '023-63851234' }).getAttribute('href'), 'tel:02363851234');
      await assertAccessibleInEveryMode(page, 'an activity after signing up', async () => {
        await page.getByTestId('activity-contact').waitFor();
        await noSideScroll(page, 'the activity after signing up');
      });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('opens the list of a field from its tile, and a site from its card', async () => {
    const context = await newContext(fx.browser, fx.server.url, VIEWPORTS[1]);
    const page = await context.newPage();
    const portal = new PortalPage(page);
    await portal.open();
    await portal.fieldCards().getByRole('link', { name: '生态环保' }).click();
    await page.waitForURL(/\/activities\?field=ecology$/);
    assert.equal(await page.getByTestId('field-filter').inputValue(), 'ecology');
    await page.getByTestId('activity-card').first().waitFor();
    assert.equal(await new ActivitiesPage(page).cards().filter({ hasText: '社区义诊' }).count(), 0);

    await portal.open();
    await portal.siteCards().getByRole('link', { name: '解放碑新时代文明实践站' }).click();
    await page.locator('h1', { hasText: '解放碑新时代文明实践站' }).waitFor();
    assert.match((await page.getByTestId('directions-link').getAttribute('href')) ?? '', /^geo:29\.5576,106\.5771\?q=/);
    await assertAccessibleInEveryMode(page, 'a site', async () => {
      await page.getByTestId('place-map').waitFor();
      await noSideScroll(page, 'a site');
    });
    await context.close();
  });
});
