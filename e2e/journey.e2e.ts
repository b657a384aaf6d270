import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ActivitiesPage } from './pages/activities.page.js';
import { CheckinPage } from './pages/checkin.page.js';
import { CounterPage } from './pages/counter.page.js';
import { MePage } from './pages/me.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { PointsPage } from './pages/points.page.js';
import { RegisterPage } from './pages/register.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, SITE, local, loggedIn } from './support/service-helpers.js';
import { e2eNow } from './support/clock.js';

/**
 * One person's whole way through Shanmei, in three browsers at once: the volunteer registers,
 * finds an activity and signs up; the team admin shows the live code and the volunteer checks
 * in (and, two hours later on the server's clock, out) by typing it; the team admin confirms
 * the record; hours, stars and points show on Me and the statement; a clerk redeems goods at
 * the counter with the volunteer's member code, and the spend shows on the volunteer's side.
 * Only what has no page is arranged through the API: the team and its admin, a city point
 * rule, a supermarket with its clerk and goods.
 */
describe('journey: register → sign up → check in and out → confirmed → points → redeemed at the counter', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '冯队长', password: 'leader-pass-9', ...uniquePerson() };
  const clerk = { name: '蒋店员', password: 'clerk-pass-9', ...uniquePerson() };
  const volunteer = { name: '韩新人', password: 'volunteer-pass-9', ...uniquePerson() };
  const title = '嘉陵江滨江步道清洁';
  const goods = { name: '节能台灯', points: 6 };

  before(async () => {
    fx = await openFixture({ movableClock: true });
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
    // A rule for the whole city (重庆市): every region below it earns 10 points an hour.
    await admin.post('/point-rules', { scopeType: 'region', scopeId: '500000', pointsPerHour: 10 });
    const site = await admin.post<{ id: string }>('/sites', {
      name: '解放碑街道积分超市',
      type: 'supermarket',
      regionCode: '500103',
      address: '重庆市渝中区解放碑',
      lat: 29.5571,
      lng: 106.5768,
    });
    const staff = await registerVolunteerByApi(fx.server.url, { ...clerk, regionCode: '500103' });
    await admin.post('/roles', { userId: staff.userId, role: 'clerk', scopeType: 'site', scopeId: site.id });
    const counter = await ApiCaller.login(fx.server.url, clerk.phone, clerk.password);
    await counter.post(`/supermarkets/${site.id}/goods`, { ...goods, stock: 10 });
  });
  after(async () => {
    await fx?.close();
  });

  it('walks the whole way through the pages, accessible at every step', async () => {
    // The team admin publishes the activity, starting ten minutes ago, for three hours.
    const [orgContext, orgPage] = await loggedIn(fx, leader.phone, leader.password);
    const orgErrors = watchErrors(orgPage);
    const organiser = new OrganiserPage(orgPage);
    await organiser.openActivities();
    const now = e2eNow();
    await organiser.createActivity({
      title,
      fieldLabel: '生态环保',
      address: '重庆市渝中区嘉陵江滨江步道',
      ...SITE,
      radiusM: 300,
      start: local(now - 10 * 60_000),
      end: local(now + 3 * HOUR),
      capacity: 10,
    });
    await organiser.publish();
    await assertAccessible(orgPage, 'organiser: published activity');

    // A new person registers on the register page, then logs in from its "log in" link.
    const vContext = await newContext(fx.browser, fx.server.url, {
      geolocation: { latitude: SITE.lat, longitude: SITE.lng },
    });
    const vPage = await vContext.newPage();
    const vErrors = watchErrors(vPage);
    const register = new RegisterPage(vPage);
    await register.open();
    await register.fill({ ...volunteer, regionPath: ['500000', '500103'], fields: ['ecology'] }, fx.server.sms);
    await assertAccessible(vPage, 'register form filled in');
    await register.submit();
    const code = (await register.newVolunteerCode().textContent())?.trim() ?? '';
    assert.match(code, /\S{6,}/);
    await assertAccessible(vPage, 'registered');
    // Registering logs the volunteer in: straight on to their page.
    await vPage.getByRole('link', { name: '我的主页' }).click();
    const me = new MePage(vPage);
    await me.waitUntilShown();
    assert.equal((await me.volunteerCode().textContent())?.trim(), code);
    assert.equal((await me.hours().textContent())?.trim(), '0.0');
    await assertAccessible(vPage, 'Me, new volunteer');

    // Finds the activity among the ecology ones and signs up.
    const list = new ActivitiesPage(vPage);
    await list.open();
    await list.filterByField('生态环保');
    await list.cards().filter({ hasText: title }).waitFor();
    await assertAccessible(vPage, 'activities filtered');
    await list.openActivity(title);
    await list.signUpButton().click();
    await list.myStatus().filter({ hasText: '已报名' }).waitFor();
    await assertAccessible(vPage, 'signed up');

    // The organiser opens the live code; the volunteer types its six digits.
    await orgPage.reload();
    await organiser.openDesk();
    await assertAccessible(orgPage, 'organiser: check-in desk');
    const digits = await organiser.fullScreenDigits();
    assert.match(digits, /^\d{6}$/);
    await assertAccessible(orgPage, 'organiser: full-screen code');
    await organiser.leaveFullScreen();
    const checkin = new CheckinPage(vPage);
    await checkin.open();
    await checkin.typeCode('in', digits);
    await checkin.result().filter({ hasText: '签到成功' }).waitFor();
    await assertAccessible(vPage, 'checked in');
    await orgPage.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: volunteer.name }).waitFor();

    // Two hours later on the server's clock: the code of that moment checks the volunteer out.
    await fx.server.setClockOffset(2 * HOUR);
    await orgPage.reload();
    await orgPage.getByTestId('desk-digits').waitFor();
    const later = await organiser.fullScreenDigits();
    await organiser.leaveFullScreen();
    await checkin.typeCode('out', later);
    await checkin.result().filter({ hasText: '签退成功' }).waitFor();
    await assertAccessible(vPage, 'checked out');

    // The organiser finds the pending record in the records page and confirms it.
    await organiser.openRecords();
    await orgPage.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: volunteer.name }).waitFor();
    await assertAccessible(orgPage, 'organiser: records to confirm');
    await organiser.confirmAllPending();

    // Me: two hours, a star line and the points the city rule gives (10 an hour).
    await me.goto('/me');
    await me.waitUntilShown();
    assert.equal((await me.hours().textContent())?.trim(), '2.0');
    assert.match((await me.stars().textContent()) ?? '', /星级/);
    assert.equal((await me.pointsBalance().textContent())?.trim(), '20');
    await assertAccessibleInEveryMode(vPage, 'Me with hours and points', () => me.settled());
    const points = new PointsPage(vPage);
    await points.openStatement();
    assert.equal(await points.balance(), 20);
    const earned = points.statementItems().first();
    assert.match((await earned.textContent()) ?? '', /服务获得/);
    assert.match((await earned.getByTestId('statement-amount').textContent()) ?? '', /\+20/);
    await assertAccessible(vPage, 'points statement, earned');

    // At the counter the clerk enters the member code the volunteer's phone shows, picks goods, confirms.
    await me.goto('/me/code');
    const memberCode = (await vPage.getByTestId('member-code-text').textContent())?.trim() ?? '';
    assert.match(memberCode, /^M\./);
    await assertAccessible(vPage, 'member code');
    const [clerkContext, clerkPage] = await loggedIn(fx, clerk.phone, clerk.password);
    const clerkErrors = watchErrors(clerkPage);
    const counter = new CounterPage(clerkPage);
    await counter.openSection('redeem');
    await counter.lookUp(memberCode);
    assert.equal((await counter.customerBalance().textContent())?.trim(), '20');
    await counter.setQty(goods.name, 2);
    await clerkPage.getByTestId('basket-total').filter({ hasText: '12' }).waitFor();
    await counter.settled();
    await assertAccessible(clerkPage, 'counter with the basket');
    await counter.confirm();
    await counter.receipt().waitFor();
    assert.match((await clerkPage.getByTestId('receipt-balance').textContent()) ?? '', /(?<!\d)8(?!\d)/);
    await counter.settled();
    await assertAccessible(clerkPage, 'counter receipt');

    // The volunteer's balance and redemption history show the spend.
    await points.openStatement();
    assert.equal(await points.balance(), 8);
    const spent = (await points.statementItems().first().textContent()) ?? '';
    assert.match(spent, /兑换商品/);
    assert.match(spent, /-12/);
    assert.match(spent, /余额 8/);
    await points.openRedemptions();
    const card = points.redemptionItems().first();
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', new RegExp(`解放碑街道积分超市[\\s\\S]*${goods.name} × 2`));
    await assertAccessibleInEveryMode(vPage, 'my redemptions after the spend', () => points.settled());
    await me.goto('/me');
    await me.waitUntilShown();
    assert.equal((await me.pointsBalance().textContent())?.trim(), '8');

    assert.deepEqual(vErrors, []);
    assert.deepEqual(orgErrors, []);
    assert.deepEqual(clerkErrors, []);
    await clerkContext.close();
    await vContext.close();
    await orgContext.close();
  });
});
