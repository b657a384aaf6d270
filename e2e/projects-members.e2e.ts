import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppShell } from './pages/app-shell.page.js';
import { ConsoleFrame } from './pages/console.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { PortalPage } from './pages/portal.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, loggedIn, SITE } from './support/service-helpers.js';
import { e2eNow } from './support/clock.js';

const PASSWORD = 'e2e-members-pass-1';

describe('brand projects on the portal and members in the organiser console', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let admin: ApiCaller;
  let leaderPhone: string;
  let projectId: string;

  before(async () => {
    fx = await openFixture();
    admin = await ApiCaller.login(fx.server.url);
    const leader = { name: '李队长', ...uniquePerson(), password: PASSWORD };
    leaderPhone = leader.phone;
    await arrangeTeam(fx.server.url, admin, leader);
    const dept = await admin.post<{ id: string }>('/organisations', {
      name: '市生态环境局',
      kind: 'department',
      level: 'city',
      regionCode: '500000',
      fields: ['ecology'],
    });
    const project = await admin.post<{ id: string }>('/projects', {
      name: '春风满巴渝',
      departmentId: dept.id,
      field: 'ecology',
      description: '守护两江四岸的生态环境。',
      honours: [{ title: '全国志愿服务优秀项目', year: 2024, awardedBy: '中央文明办' }],
    });
    projectId = project.id;
    await admin.post('/projects', {
      name: '春风满巴渝·护河',
      departmentId: dept.id,
      field: 'ecology',
      parentId: projectId,
    });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, PASSWORD);
    const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
    const start = e2eNow() + 48 * HOUR;
    const activity = await lead.post<{ id: string }>('/activities', {
      organisationId: me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '',
      projectId,
      title: '嘉陵江岸垃圾清捡',
      field: 'ecology',
      location: { address: '重庆市渝中区 嘉陵江岸', ...SITE },
      radiusM: 200,
      requiresApproval: false,
      shifts: [{ start: new Date(start).toISOString(), end: new Date(start + 3 * HOUR).toISOString(), capacity: 10 }],
    });
    await lead.post(`/activities/${activity.id}/publish`, {});
  });
  after(async () => {
    await fx?.close();
  });

  it('shows the brand project on the portal and opens its page, accessibly in every mode', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const portal = new PortalPage(page);
    await portal.open();
    const section = page.locator('section[aria-labelledby="projects-title"]');
    await section.getByRole('heading', { name: '品牌项目' }).waitFor();
    const cards = section.locator('.card');
    assert.equal(await cards.count(), 1, 'only the top-level project is listed');
    const text = (await cards.first().textContent()) ?? '';
    assert.match(text, /春风满巴渝/);
    assert.match(text, /牵头部门：市生态环境局/);
    assert.match(text, /全国志愿服务优秀项目 · 2024 · 中央文明办/);

    // by keyboard: focus the project's link and press Enter
    const link = section.getByRole('link', { name: '春风满巴渝' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: '春风满巴渝' }).waitFor();
    await portal.settled();
    await page.getByRole('link', { name: '春风满巴渝·护河' }).waitFor();
    await page.getByRole('link', { name: '嘉陵江岸垃圾清捡' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /守护两江四岸的生态环境/);
    await assertAccessibleInEveryMode(page, 'project page', () => portal.settled());
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'Sub-projects' }).waitFor();
    await page.getByRole('heading', { name: 'Activities of this project' }).waitFor();
    await page.getByTestId('language-switch').click();

    await portal.open();
    await assertAccessibleInEveryMode(page, 'portal with brand projects', () => portal.settled());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lets a team admin invite a member by volunteer code, who shows once she accepts in My teams', async () => {
    const person = { name: '王小美', ...uniquePerson(), password: PASSWORD, regionCode: '500103' };
    const volunteer = await registerVolunteerByApi(fx.server.url, person);
    const [context, page] = await loggedIn(fx, leaderPhone, PASSWORD);
    const errors = watchErrors(page);
    const console_ = new OrganiserPage(page);
    await console_.goto('/organiser/activities');
    await new ConsoleFrame(page).menu().getByRole('menuitem', { name: '成员', exact: true }).click();
    await page.locator('#members-title').waitFor();
    await console_.settled();
    await assertAccessibleInEveryMode(page, 'organiser members (empty)', () => console_.settled());

    // an unknown code is refused beside the field
    await page.locator('#add-member_volunteerCode').fill('NO-SUCH-CODE');
    await page.keyboard.press('Enter');
    await page.locator('#add-member_volunteerCode_help').filter({ hasText: '没有志愿者使用这个志愿者编号' }).waitFor();

    // by keyboard: type the code, choose 负责人 with the arrow key, submit with Enter
    await page.locator('#add-member_volunteerCode').fill(volunteer.volunteerCode);
    await page.getByRole('radio', { name: '成员' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('radio', { name: '负责人' }).isChecked(), true);
    await page.getByRole('button', { name: '发出邀请' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `已向 ${volunteer.volunteerCode} 发出邀请` })
      .waitFor();
    // Until she accepts, the team sees the code it typed and nothing of her.
    const row = page.locator('.ant-table-row', { hasText: volunteer.volunteerCode });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[0], '对方接受后显示');
    assert.equal(cells[1], volunteer.volunteerCode);
    assert.equal(cells[2], '负责人');
    assert.equal(cells[3], '已邀请，待答复');
    assert.match(cells[4] ?? '', /\d{4}年/);
    await assertAccessibleInEveryMode(page, 'organiser members (invited)', () => console_.settled());

    // She answers in My teams, by keyboard, on her phone.
    const [vContext, vPage] = await loggedIn(fx, person.phone, PASSWORD, { width: 390, height: 844 });
    const vErrors = watchErrors(vPage);
    const shell = new AppShell(vPage);
    await vPage.goto('/me');
    await vPage.getByTestId('me-teams').click();
    await vPage.getByRole('heading', { level: 1, name: '我的团队' }).waitFor();
    const invitation = vPage.getByTestId('membership').filter({ hasText: '已邀请，待答复' });
    await invitation.waitFor();
    assert.match((await invitation.textContent()) ?? '', /负责人/);
    await assertAccessibleInEveryMode(vPage, 'my teams (invited)', () => shell.settled());
    await vPage.getByRole('button', { name: /^接受：/ }).focus();
    await vPage.keyboard.press('Enter');
    await vPage.getByTestId('membership').filter({ hasText: '成员 · 负责人' }).waitFor();
    await vPage.getByRole('button', { name: /^退出团队：/ }).waitFor();
    await assertAccessibleInEveryMode(vPage, 'my teams (member)', () => shell.settled());
    assert.deepEqual(vErrors, []);
    await vContext.close();

    await page.reload();
    const accepted = page.locator('.ant-table-row', { hasText: '王小美' });
    await accepted.waitFor();
    assert.equal((await accepted.locator('td').allTextContents())[3], '成员');
    await assertAccessibleInEveryMode(page, 'organiser members (listed)', () => console_.settled());
    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
      'only the refused unknown code',
    );
    await context.close();
  });
});
