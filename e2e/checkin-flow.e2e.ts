import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ActivitiesPage } from './pages/activities.page.js';
import { CheckinPage } from './pages/checkin.page.js';
import { MePage } from './pages/me.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, SITE, local, loggedIn } from './support/service-helpers.js';
import { ADMIN_PASSWORD } from './support/test-server.js';
import { e2eNow } from './support/clock.js';

describe('volunteer and organiser: find, sign up, check in and out with the code, confirm, hours on Me', () => {
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
    const now = e2eNow();
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
    await orgPage.getByLabel('本班次服务对象人次').fill('35');
    await orgPage
      .locator('.people-served')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await orgPage.locator('.ant-message-success', { hasText: '服务对象人次已保存' }).waitFor();
    await assertAccessibleInEveryMode(orgPage, 'organiser activity', () => organiser.settled());

    const [vContext, vPage] = await loggedIn(fx, volunteer.phone, volunteer.password, {
      geolocation: { latitude: SITE.lat, longitude: SITE.lng },
    });
    const vErrors = watchErrors(vPage);
    const list = new ActivitiesPage(vPage);
    await list.open();
    await list.filterByField('生态环保');
    await list.cards().filter({ hasText: title }).waitFor();
    await list.nearMe();
    await list
      .cards()
      .filter({ hasText: title })
      .filter({ hasText: /距您 \d+ m/ })
      .waitFor();
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

    // The volunteer asks for a correction; the organiser accepts it, which replaces the record.
    await vPage.getByRole('button', { name: '申请更正' }).click();
    await vPage.locator('.correction-form input[name="reason"]').fill('签退晚了一点，实际服务到结束');
    await assertAccessible(vPage, 'correction form');
    await vPage.getByRole('button', { name: '提交更正申请' }).click();
    await vPage.getByText('更正申请已提交').waitFor();
    await organiser.openRecords();
    await orgPage.getByRole('tab', { name: '更正申请' }).click();
    await orgPage.getByText('签退晚了一点').waitFor();
    await assertAccessible(orgPage, 'corrections to answer');
    await orgPage.getByLabel('答复').fill('已核实，同意更正');
    await orgPage.getByRole('button', { name: '接受更正' }).click();
    await orgPage.getByText('暂无待处理的更正申请').waitFor();
    await orgPage.getByRole('tab', { name: '全部记录' }).click();
    await orgPage
      .getByRole('tabpanel', { name: '全部记录' })
      .locator('.ant-table-row', { hasText: '已撤销' })
      .waitFor();
    await assertAccessible(orgPage, 'all records');

    // A late entry (补录) with evidence waits for a second organiser: confirming one's own is refused, said plainly.
    await orgPage.getByRole('tab', { name: '补录' }).click();
    await organiser.pick('late_activityId', title);
    await organiser.pick('late_shiftId', '');
    await organiser.pick('late_volunteerId', volunteer.name);
    await orgPage.locator('#late_start').fill(local(now));
    await orgPage.locator('#late_end').fill(local(now + HOUR));
    await orgPage.locator('#late_content').fill('岸线垃圾分拣');
    await orgPage.locator('#late_evidence').fill('纸质签到表第 3 页');
    await assertAccessible(orgPage, 'late entry form');
    await orgPage.locator('form[aria-label="补录"] button[type="submit"]').click();
    await orgPage.getByText('补录已提交').waitFor();
    await orgPage.getByRole('tab', { name: '待确认' }).click();
    const pending = orgPage.getByRole('tabpanel', { name: '待确认' });
    await pending.locator('.ant-table-row', { hasText: '补录' }).locator('.ant-checkbox-input').check();
    await pending.getByTestId('confirm-selected').click();
    await orgPage.locator('.ant-message-error', { hasText: '另一位组织者' }).waitFor();

    assert.deepEqual(vErrors, []);
    // The one 422 is the refused confirmation of the organiser's own late entry, expected above.
    assert.deepEqual(
      orgErrors.filter((e) => !/status of 422/.test(e)),
      [],
    );
    await vContext.close();
    await orgContext.close();
  });

  it('a system admin picks any organisation in the organiser console', async () => {
    const [context, page] = await loggedIn(fx, 'admin', ADMIN_PASSWORD);
    const organiser = new OrganiserPage(page);
    await organiser.openActivities();
    await page.locator('.org-picker .ant-select').click();
    await page.keyboard.type('生态环境');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '渝中区生态环境志愿服务队',
      })
      .click();
    await page.locator('.ant-table-row', { hasText: title }).waitFor();
    await context.close();
  });
});
