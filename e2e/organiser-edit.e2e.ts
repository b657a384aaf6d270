import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ActivitiesPage } from './pages/activities.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, joinTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, local, loggedIn, publishedActivity, SITE } from './support/service-helpers.js';
import { e2eNow } from './support/clock.js';

const PASSWORD = 'e2e-edit-pass-1';

/**
 * A drawer's mask would swallow a click on the header's switches, so each mode is switched
 * with the drawer closed, then the drawer is opened and checked.
 */
async function drawerAccessibleInEveryMode(page: Page, console_: OrganiserPage): Promise<void> {
  const check = async (where: string) => {
    await console_.openEdit();
    await assertAccessible(page, `activity edit drawer (${where})`);
    await console_.closeEdit();
  };
  await check('zh-CN');
  await console_.languageSwitch.click();
  await page.waitForFunction('document.documentElement.lang === "en"');
  await check('en');
  await console_.careSwitch.click();
  await page.waitForFunction('document.documentElement.classList.contains("care-mode")');
  await check('en, care mode');
  await console_.languageSwitch.click();
  await page.waitForFunction('document.documentElement.lang === "zh-CN"');
  await check('zh-CN, care mode');
  await console_.careSwitch.click();
  await page.waitForFunction('!document.documentElement.classList.contains("care-mode")');
}

describe('organiser edits: a risky activity with a brand project, insurance, shift and title changes', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let leaderPhone: string;

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    const leader = { name: '周队长', ...uniquePerson(), password: PASSWORD };
    leaderPhone = leader.phone;
    await arrangeTeam(fx.server.url, admin, leader);
    const dept = await admin.post<{ id: string }>('/organisations', {
      name: '市生态环境局',
      kind: 'department',
      level: 'city',
      regionCode: '500000',
      fields: ['ecology'],
    });
    const brand = await admin.post<{ id: string }>('/projects', {
      name: '共护美丽长江',
      departmentId: dept.id,
      field: 'ecology',
    });
    await admin.post('/projects', {
      name: '共护美丽长江·护岸行动',
      departmentId: dept.id,
      field: 'ecology',
      parentId: brand.id,
    });
  });
  after(async () => {
    await fx?.close();
  });

  it('is refused publishing without a policy, publishes once insured, edits a shift and the title', async () => {
    const [context, page] = await loggedIn(fx, leaderPhone, PASSWORD);
    const errors = watchErrors(page);
    const console_ = new OrganiserPage(page);
    await console_.openActivities();
    await console_.openCreate();
    // a half-filled form survives switching language and care mode (Ant Design once remounted the console)
    await page.locator('#title').fill('嘉陵江涉水清漂');
    await assertAccessibleInEveryMode(page, 'new activity form', () => console_.settled());
    assert.equal(await page.locator('#title').inputValue(), '嘉陵江涉水清漂');
    await console_.pickProject('共护美丽长江·护岸行动');
    await console_.markRisky();
    await assertAccessible(page, 'new activity form with a project and risky on');
    // Sent half-filled: each missing field says so under itself (the place's latitude and longitude
    // too), and a field's message goes once it is filled in.
    await page.locator('form[aria-label] button[type="submit"]').click();
    const explain = (id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);
    for (const id of ['address', 'lat', 'lng']) await explain(id).getByText('此项必填').waitFor();
    await assertAccessible(page, 'new activity form with errors');
    await page.locator('#address').fill('重庆市渝中区 嘉陵江滨江路');
    await explain('address').waitFor({ state: 'detached' });
    assert.equal(await explain('lat').count(), 1);
    // The contact, optional: a phone that is no phone is named under its field, and goes once fixed.
    await page.locator('#contactName').fill('刘联络员');
    await page.locator('#contactPhone').fill('打这个电话');
    await page.locator('form[aria-label] button[type="submit"]').click();
    await explain('contactPhone').waitFor();
    assert.equal(await explain('contactName').count(), 0);
    await page.locator('#contactPhone').fill('023-63851234');
    await explain('contactPhone').waitFor({ state: 'detached' });
    const start = e2eNow() + 72 * HOUR;
    await console_.fillAndSave({
      title: '嘉陵江涉水清漂',
      fieldLabel: '生态环保',
      address: '重庆市渝中区 嘉陵江滨江路',
      ...SITE,
      radiusM: 200,
      start: local(start),
      end: local(start + 3 * HOUR),
      capacity: 8,
    });
    const main = page.locator('main');
    assert.match((await main.textContent()) ?? '', /共护美丽长江·护岸行动/);

    // risky and uninsured: the panel says so, publishing is refused with the reason
    await console_
      .insuranceState()
      .filter({ hasText: /尚无保单覆盖/ })
      .waitFor();
    // Publishing is asked once more; the question is accessible and can be dismissed.
    await page.getByTestId('publish-button').click();
    await page.getByText('确定发布这个活动吗？').waitFor();
    await assertAccessible(page, 'publish question');
    await page.keyboard.press('Escape');
    await page.getByText('确定发布这个活动吗？').waitFor({ state: 'hidden' });
    const refusal = await console_.publishRefused();
    assert.match(refusal, /保险/);
    assert.match(refusal, /\d+月\d+日 \d{2}:\d{2} 班次/, 'the uncovered shift is named in local time');
    assert.doesNotMatch(refusal, /[a-z]{4,}/, "in the page's language, not the server's English");
    await assertAccessibleInEveryMode(page, 'activity with insurance panel', () => console_.settled());

    await console_.addPolicy('中国人寿重庆分公司', 'PICC-2026-0042');
    await console_
      .insuranceState()
      .filter({ hasText: /可以发布/ })
      .waitFor();
    await console_.publish();

    // a shift by keyboard: open its form with Enter, the server refuses an end before the start beside the field
    await page.getByTestId('shift-edit').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('shift-save').waitFor();
    await console_.shiftField('end').fill(local(start - HOUR));
    await console_.shiftField('capacity').press('Enter');
    await console_.shiftFieldHelp('end').filter({ hasText: '结束时间必须晚于开始时间' }).waitFor();
    await assertAccessible(page, 'shift form with a refusal');
    await console_.shiftField('end').fill(local(start + 3 * HOUR));
    await console_.shiftField('capacity').fill('12');
    await console_.shiftField('capacity').press('Enter');
    await page.getByTestId('shift-save').waitFor({ state: 'detached' });
    await main
      .getByText(/0\s*\/\s*12/)
      .first()
      .waitFor();

    // the insured list of the shift downloads as .xlsx
    const download = page.waitForEvent('download');
    await page.getByTestId('insured-list').first().click();
    assert.match((await download).suggestedFilename(), /^insured-.*\.xlsx$/);

    // published: the field is locked in the drawer, the title is not
    await drawerAccessibleInEveryMode(page, console_);
    await console_.openEdit();
    assert.equal(await page.locator('#edit_field').isDisabled(), true);
    // The contact given at creation is there, and stays editable once published.
    assert.equal(await page.locator('#edit_contactName').inputValue(), '刘联络员');
    assert.equal(await page.locator('#edit_contactPhone').inputValue(), '023-63851234');
    await page.locator('#edit_contactName').fill('刘二联络员');
    await console_.renameTo('嘉陵江涉水清漂（第一期）');
    await console_.openEdit();
    assert.equal(await page.locator('#edit_contactName').inputValue(), '刘二联络员');
    await console_.closeEdit();

    // the volunteer-facing page shows the new title
    const visitor = await newContext(fx.browser, fx.server.url);
    const vPage = await visitor.newPage();
    const activities = new ActivitiesPage(vPage);
    await activities.goto(new URL(page.url()).pathname.replace('/organiser', ''));
    await vPage.locator('#activity-title', { hasText: '嘉陵江涉水清漂（第一期）' }).waitFor();
    await visitor.close();

    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
      'only the refused publish and the refused shift end',
    );
    await context.close();
  });

  it('enters late service for a member picked by name and for anyone by volunteer code', async () => {
    const lead = await ApiCaller.login(fx.server.url, leaderPhone, PASSWORD);
    const title = '长江岸线垃圾分拣';
    const start = e2eNow() - 6 * HOUR;
    const activity = await publishedActivity(lead, { title, field: 'ecology', start, hours: 2, capacity: 5 });
    const orgId = (await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me')).roles.find(
      (g) => g.role === 'team_admin',
    )?.scopeId;
    const person = { name: '林小雨', ...uniquePerson(), password: PASSWORD, regionCode: '500103' };
    const member = await registerVolunteerByApi(fx.server.url, person);
    await joinTeam(fx.server.url, lead, orgId ?? '', { ...person, id: member.id });
    const stranger = await registerVolunteerByApi(fx.server.url, {
      name: '陈大江',
      ...uniquePerson(),
      password: PASSWORD,
      regionCode: '500103',
    });

    const [context, page] = await loggedIn(fx, leaderPhone, PASSWORD);
    const errors = watchErrors(page);
    const console_ = new OrganiserPage(page);
    await console_.openLateEntry();
    const times = { activityTitle: title, start: local(start), end: local(start + 2 * HOUR) };
    await console_.pick('late_activityId', title);
    await console_.pick('late_shiftId', '');
    // a member, found by typing part of the name, chosen with Enter
    await console_.searchPicker('late_volunteerId', '林小');
    assert.match((await console_.lateForm().textContent()) ?? '', new RegExp(member.volunteerCode));
    await assertAccessibleInEveryMode(page, 'late entry with the volunteer picker', () => console_.settled());
    // the mode switches drew the page anew (first tab, empty form): open it again, pick again and send
    await console_.openLateEntry();
    await console_.pick('late_activityId', title);
    await console_.pick('late_shiftId', '');
    await console_.searchPicker('late_volunteerId', member.volunteerCode);
    await console_.sendLateEntry({ ...times, content: '岸线垃圾分拣', evidence: '纸质签到表第 1 页' });

    // someone outside the sign-ups and members: by volunteer code
    await console_.pick('late_activityId', title);
    await page.getByRole('radio', { name: '按志愿者编号' }).check();
    await page.getByTestId('late-volunteer-code').fill(stranger.volunteerCode);
    await console_.sendLateEntry({ ...times, content: '岸线垃圾分拣', evidence: '纸质签到表第 2 页' });

    const records = await lead.get<{ items: { volunteerId: string; source: string; activityId: string }[] }>(
      `/records?organisationId=${orgId}&status=pending`,
    );
    const late = records.items.filter((r) => r.source === 'late' && r.activityId === activity.id);
    assert.deepEqual(late.map((r) => r.volunteerId).sort(), [member.id, stranger.id].sort());
    assert.deepEqual(errors, []);
    await context.close();
  });
});
