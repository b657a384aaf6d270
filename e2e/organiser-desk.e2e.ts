import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CheckinPage } from './pages/checkin.page.js';
import { MePage } from './pages/me.page.js';
import { ActivitiesPage } from './pages/activities.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, loggedIn, publishedActivity } from './support/service-helpers.js';
import { e2eNow } from './support/clock.js';
import { motionDone } from './support/motion.js';

describe('organiser check-in desk, kiosk and sign-up decisions', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '王队长', password: 'leader-pass-1', ...uniquePerson() };

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    await arrangeTeam(fx.server.url, admin, leader);
  });
  after(async () => {
    await fx?.close();
  });

  it('a volunteer far away is told the distance; the organiser kiosk records a member code; Me pages are accessible', async () => {
    const second = { name: '赵二', password: 'second-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...second, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const activity = await publishedActivity(lead, {
      title: '社区助老服务',
      field: 'elderly',
      start: e2eNow() - 5 * 60_000,
      hours: 2,
      capacity: 3,
      radiusM: 100,
    });
    const shiftId = activity.shiftId;
    const organisationId = (await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me')).roles.find(
      (g) => g.role === 'team_admin',
    )?.scopeId;
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

  it('an approval sign-up waits, the organiser approves it, then cancels the activity with a reason', async () => {
    const fourth = { name: '周审核', password: 'approval-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...fourth, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const activity = await publishedActivity(lead, {
      title: '手语普法进社区',
      field: 'legal',
      start: e2eNow() + 3 * 24 * HOUR,
      hours: 2,
      capacity: 1,
      requiresApproval: true,
    });

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
    await motionDone(orgPage); // the dialog and its button fade in
    await assertAccessible(orgPage, 'cancel activity dialog');
    await orgPage.locator('.ant-modal .ant-btn-dangerous').click();
    await orgPage.getByTestId('activity-status').filter({ hasText: '已取消' }).waitFor();

    await vPage.reload();
    await vPage.getByText('Cancelled: 天气预警，活动延期').waitFor();
    await vContext.close();
    await orgContext.close();
  });

  it('a full shift wait-lists; cancelling a place promotes the first wait-listed', async () => {
    const first = { name: '郑先到', password: 'first-pass-1', ...uniquePerson() };
    const next = { name: '冯候补', password: 'next-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...first, regionCode: '500103' });
    await registerVolunteerByApi(fx.server.url, { ...next, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const activity = await publishedActivity(lead, {
      title: '敬老院陪伴',
      field: 'elderly',
      start: e2eNow() + 4 * 24 * HOUR,
      hours: 2,
      capacity: 1,
    });
    await (
      await ApiCaller.login(fx.server.url, first.phone, first.password)
    ).post(`/shifts/${activity.shiftId}/signups`, {});

    const [vContext, vPage] = await loggedIn(fx, next.phone, next.password);
    const detail = new ActivitiesPage(vPage);
    await detail.goto(`/activities/${activity.id}`);
    await detail.signUpButton().filter({ hasText: '名额已满，加入候补' }).click();
    await detail.myStatus().filter({ hasText: '候补中' }).waitFor();
    await vPage.getByText('您已进入候补名单').waitFor();

    const [orgContext, orgPage] = await loggedIn(fx, leader.phone, leader.password);
    await orgPage.goto(`/organiser/activities/${activity.id}`);
    const rows = orgPage.locator('.org-shift .ant-table-row');
    await rows.filter({ hasText: next.name }).filter({ hasText: '候补中' }).waitFor();
    assert.match((await rows.nth(0).textContent()) ?? '', new RegExp(`1${first.name}.*已报名`));
    assert.match((await rows.nth(1).textContent()) ?? '', new RegExp(`2${next.name}.*候补中`));
    await orgPage.getByRole('button', { name: `取消报名 ${first.name}` }).click();
    await rows.filter({ hasText: next.name }).filter({ hasText: '已报名' }).waitFor();

    await vPage.reload();
    await detail.myStatus().filter({ hasText: '已报名' }).waitFor();
    await vContext.close();
    await orgContext.close();
  });
});
