import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ActivitiesPage } from './pages/activities.page.js';
import { CheckinPage } from './pages/checkin.page.js';
import { LoginPage } from './pages/login.page.js';
import { MePage } from './pages/me.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

/** 解放碑: where the activity is and where the volunteer's phone says it is. */
const SITE = { lat: 29.5576, lng: 106.5771 };
const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** A `datetime-local` value in this machine's time zone (the browser's too). */
const local = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

async function loggedIn(fx: Fixture, login: string, password: string, opts = {}): Promise<[BrowserContext, Page]> {
  const context = await newContext(fx.browser, fx.server.url, opts);
  const page = await context.newPage();
  const form = new LoginPage(page);
  await form.open();
  await form.logIn(login, password);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return [context, page];
}

describe('activities, sign-up, check-in and records', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '王队长', password: 'leader-pass-1', ...uniquePerson() };
  const volunteer = { name: '李志愿', password: 'volunteer-pass-1', ...uniquePerson() };
  const title = '长江岸线垃圾清理';

  before(async () => {
    fx = await openFixture({ movableClock: true });
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
    await registerVolunteerByApi(fx.server.url, { ...volunteer, regionCode: '500103' });
  });
  after(async () => {
    await fx?.close();
  });

  it('organiser creates and publishes; volunteer signs up, checks in and out with the code; organiser confirms; Me shows the hours', async () => {
    const [orgContext, orgPage] = await loggedIn(fx, leader.phone, leader.password);
    const orgErrors = watchErrors(orgPage);
    const organiser = new OrganiserPage(orgPage);
    await organiser.openActivities();
    await assertAccessibleInEveryMode(orgPage, 'organiser activities', () => organiser.settled());
    const now = Date.now();
    await organiser.createActivity({
      title,
      fieldLabel: '生态环保',
      address: '重庆市渝中区解放碑',
      ...SITE,
      radiusM: 200,
      start: local(now - 10 * 60_000),
      end: local(now + 3 * HOUR),
      capacity: 5,
    });
    await organiser.publish();
    await assertAccessibleInEveryMode(orgPage, 'organiser activity', () => organiser.settled());

    const [vContext, vPage] = await loggedIn(fx, volunteer.phone, volunteer.password, {
      geolocation: { latitude: SITE.lat, longitude: SITE.lng },
    });
    const vErrors = watchErrors(vPage);
    const list = new ActivitiesPage(vPage);
    await list.open();
    await list.filterByField('生态环保');
    await list.cards().filter({ hasText: title }).waitFor();
    await assertAccessibleInEveryMode(vPage, 'activities', () => list.settled());
    await list.openActivity(title);
    await list.signUpButton().click();
    await list.myStatus().filter({ hasText: '已报名' }).waitFor();
    await assertAccessibleInEveryMode(vPage, 'activity detail', () => list.settled());

    // The organiser shows the rotating code full screen; the volunteer types its 6 digits.
    await organiser.page.reload();
    await organiser.openDesk();
    await assertAccessibleInEveryMode(orgPage, 'check-in desk', () => organiser.settled());
    const digits = await organiser.fullScreenDigits();
    assert.match(digits, /^\d{6}$/);
    await organiser.leaveFullScreen();

    const checkin = new CheckinPage(vPage);
    await checkin.open();
    await assertAccessibleInEveryMode(vPage, 'check-in', () => checkin.settled());
    await checkin.typeCode('in', digits);
    await checkin.result().filter({ hasText: '签到成功' }).waitFor();

    // Two hours later (on the server's clock) the volunteer checks out with the code of that moment.
    await fx.server.setClockOffset(2 * HOUR);
    await organiser.page.reload();
    await organiser.page.getByTestId('desk-digits').waitFor();
    await orgPage.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: volunteer.name }).waitFor();
    const later = await organiser.fullScreenDigits();
    await organiser.leaveFullScreen();
    await checkin.typeCode('out', later);
    await checkin.result().filter({ hasText: '签退成功' }).waitFor();

    await organiser.openRecords();
    await assertAccessibleInEveryMode(orgPage, 'organiser records', () => organiser.settled());
    await organiser.confirmAllPending();

    const me = new MePage(vPage);
    await me.goto('/me');
    await me.waitUntilShown();
    assert.equal((await me.hours().textContent())?.trim(), '2.0');
    assert.match((await vPage.getByTestId('me-stars').textContent()) ?? '', /星级/);
    await me.goto('/me/records');
    await vPage.getByTestId('record-status').filter({ hasText: '已确认' }).waitFor();
    await assertAccessibleInEveryMode(vPage, 'my records', () => me.settled());

    assert.deepEqual(vErrors, []);
    assert.deepEqual(orgErrors, []);
    await vContext.close();
    await orgContext.close();
  });
});
