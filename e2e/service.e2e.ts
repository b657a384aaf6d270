import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ActivitiesPage } from './pages/activities.page.js';
import { CheckinPage } from './pages/checkin.page.js';
import { LoginPage } from './pages/login.page.js';
import { MePage } from './pages/me.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { ADMIN_PASSWORD } from './support/test-server.js';

/** 解放碑: where the activity is and where the volunteer's phone says it is. */
const SITE = { lat: 29.5576, lng: 106.5771 };
const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** A `datetime-local` value in this machine's time zone (the browser's too). */
const local = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Presses Tab until the focused element's accessible name (or text, or name) matches. */
async function tabTo(page: Page, match: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = (await page.evaluate(
      `(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '') : ''; })()`,
    )) as string;
    if (match.test(label.trim())) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

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

  it('a volunteer far away is told the distance; the organiser kiosk records a member code; Me pages are accessible', async () => {
    await fx.server.setClockOffset(0);
    const second = { name: '赵二', password: 'second-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...second, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
    const organisationId = me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '';
    const now = Date.now();
    const activity = await lead.post<{ id: string; shifts: { id: string }[] }>('/activities', {
      organisationId,
      title: '社区助老服务',
      field: 'elderly',
      location: { address: '重庆市渝中区较场口', ...SITE },
      radiusM: 100,
      requiresApproval: false,
      shifts: [
        { start: new Date(now - 5 * 60_000).toISOString(), end: new Date(now + 2 * HOUR).toISOString(), capacity: 3 },
      ],
    });
    await lead.post(`/activities/${activity.id}/publish`, {});
    const shiftId = activity.shifts[0]?.id ?? '';
    const v = await ApiCaller.login(fx.server.url, second.phone, second.password);
    await v.post(`/shifts/${shiftId}/signups`, {});

    // 江北区, about 2 km from the activity: refused with the distance.
    const [vContext, vPage] = await loggedIn(fx, second.phone, second.password, {
      geolocation: { latitude: 29.5755, longitude: 106.5742 },
    });
    const checkin = new CheckinPage(vPage);
    await checkin.open();
    const code = await lead.get<{ code: string }>(`/shifts/${shiftId}/checkin-code`);
    await checkin.typeCode('in', code.code);
    await checkin.error().filter({ hasText: '超出签到范围' }).waitFor();
    assert.match((await checkin.error().textContent()) ?? '', /\d(\.\d)? ?k?m/);

    const shell = new MePage(vPage);
    for (const [path, where] of [
      ['/me/shifts', 'my shifts'],
      ['/me/code', 'member code'],
      ['/inbox', 'inbox'],
    ] as const) {
      await shell.goto(path);
      await vPage.locator('main h1').waitFor();
      await assertAccessibleInEveryMode(vPage, where, () => shell.settled());
    }
    // The sign-up's notice is in the inbox, counted in the header until it is marked read.
    await shell.goto('/inbox');
    await vPage.getByTestId('unread-badge').waitFor();
    await vPage.getByTestId('inbox-item').first().getByRole('button', { name: '标为已读' }).click();
    await vPage.getByTestId('unread-badge').waitFor({ state: 'detached' });
    await shell.goto('/me/shifts');
    await vPage.getByTestId('my-shift').filter({ hasText: '社区助老服务' }).waitFor();
    await shell.goto('/me/code');
    const shown = (await vPage.getByTestId('member-code-text').textContent())?.trim() ?? '';
    assert.match(shown, /^M\./);

    const [orgContext, orgPage] = await loggedIn(fx, leader.phone, leader.password);
    const organiser = new OrganiserPage(orgPage);
    await organiser.goto(`/organiser/shifts/${shiftId}?activity=${activity.id}`);
    await orgPage.getByTestId('desk-digits').waitFor();
    const member = await v.get<{ token: string }>('/me/member-code');
    await organiser.kioskRecord(member.token);
    await organiser
      .kioskLog()
      .filter({ hasText: `${second.name} 已签到` })
      .waitFor();
    await orgPage.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: second.name }).waitFor();
    await assertAccessibleInEveryMode(orgPage, 'kiosk', () => organiser.settled());
    // Hand entry: the organiser checks the same volunteer out, with a reason.
    await organiser.pick('hand_volunteerId', second.name);
    await orgPage.locator('#hand_kind input[value="out"]').check();
    await orgPage.locator('#hand_reason').fill('手机没电，现场核实');
    await orgPage.locator('form[aria-label="手工登记"] button[type="submit"]').click();
    await orgPage.getByText(`已为 ${second.name} 登记`).waitFor();
    // The full-screen code covers the header, so each mode is switched before it opens.
    for (const mode of ['zh-CN', 'en', 'en, care mode'] as const) {
      if (mode === 'en') await organiser.languageSwitch.click();
      if (mode === 'en, care mode') await organiser.careSwitch.click();
      assert.match(await organiser.fullScreenDigits(), /^\d{6}$/);
      await assertAccessible(orgPage, `full-screen code (${mode})`);
      await organiser.leaveFullScreen();
    }
    await organiser.careSwitch.click();
    await organiser.languageSwitch.click();

    await organiser.goto(`/organiser/activities/new?org=${organisationId}`);
    await orgPage.locator('#create-title').waitFor();
    await assertAccessibleInEveryMode(orgPage, 'new activity form', () => organiser.settled());
    await vContext.close();
    await orgContext.close();
  });

  it('signs up and cancels by keyboard alone', async () => {
    await fx.server.setClockOffset(0);
    const third = { name: '孙键盘', password: 'keyboard-pass-2', ...uniquePerson() };
    const v = await registerVolunteerByApi(fx.server.url, { ...third, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
    const start = Date.now() + 2 * 24 * HOUR;
    const activity = await lead.post<{ id: string }>('/activities', {
      organisationId: me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '',
      title: '键盘报名测试活动',
      field: 'culture',
      location: { address: '重庆市渝中区人民路', ...SITE },
      radiusM: 300,
      shifts: [{ start: new Date(start).toISOString(), end: new Date(start + 2 * HOUR).toISOString(), capacity: 2 }],
    });
    await lead.post(`/activities/${activity.id}/publish`, {});

    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="login"]').waitFor();
    await tabTo(page, /^login$/);
    await page.keyboard.type(v.volunteerCode);
    await page.keyboard.press('Tab');
    await page.keyboard.type(third.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/me$/);
    await page.getByTestId('me-volunteer-code').waitFor();

    await tabTo(page, /^志愿活动$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/activities$/);
    await page.getByTestId('activity-card').first().waitFor();
    await tabTo(page, /^键盘报名测试活动$/, 60);
    await page.keyboard.press('Enter');
    await page.locator('#activity-title').waitFor();
    await tabTo(page, /^报名$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('my-signup-status').filter({ hasText: '已报名' }).waitFor();
    await tabTo(page, /^取消报名$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('signup-button').waitFor();
    await context.close();
  });

  it('an approval sign-up waits, the organiser approves it, then cancels the activity with a reason', async () => {
    await fx.server.setClockOffset(0);
    const fourth = { name: '周审核', password: 'approval-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...fourth, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
    const start = Date.now() + 3 * 24 * HOUR;
    const activity = await lead.post<{ id: string }>('/activities', {
      organisationId: me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '',
      title: '手语普法进社区',
      field: 'legal',
      location: { address: '重庆市渝中区两路口', ...SITE },
      radiusM: 300,
      requiresApproval: true,
      shifts: [{ start: new Date(start).toISOString(), end: new Date(start + 2 * HOUR).toISOString(), capacity: 1 }],
    });
    await lead.post(`/activities/${activity.id}/publish`, {});

    const [vContext, vPage] = await loggedIn(fx, fourth.phone, fourth.password, { lang: 'en' });
    const detail = new ActivitiesPage(vPage);
    await detail.goto(`/activities/${activity.id}`);
    await vPage.locator('#activity-title').waitFor();
    await detail.signUpButton().click();
    await detail.myStatus().filter({ hasText: 'Waiting for approval' }).waitFor();
    await vPage.locator('[data-testid="shift-row"] .notice', { hasText: 'waiting for the organiser' }).waitFor();

    const [orgContext, orgPage] = await loggedIn(fx, leader.phone, leader.password);
    const organiser = new OrganiserPage(orgPage);
    await organiser.goto(`/organiser/activities/${activity.id}`);
    await orgPage.locator('#org-activity-title').waitFor();
    await orgPage.getByRole('button', { name: `通过 ${fourth.name}` }).click();
    await orgPage.locator('.ant-table-row', { hasText: fourth.name }).filter({ hasText: '已报名' }).waitFor();

    await vPage.reload();
    await detail.myStatus().filter({ hasText: 'Signed up' }).waitFor();

    await orgPage.getByRole('button', { name: '取消活动' }).click();
    await orgPage.locator('.ant-modal textarea').fill('天气预警，活动延期');
    await orgPage.waitForTimeout(500); // the dialog and its button fade in
    await assertAccessible(orgPage, 'cancel activity dialog');
    await orgPage.locator('.ant-modal .ant-btn-dangerous').click();
    await orgPage.getByTestId('activity-status').filter({ hasText: '已取消' }).waitFor();

    await vPage.reload();
    await vPage.getByText('Cancelled: 天气预警，活动延期').waitFor();
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
