import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HonourSummaryView } from '../src/common/contract/honours.js';
import type { PlanProgressView } from '../src/common/contract/plans.js';
import type { StatsOverview, StatsProjects, StatsToday } from '../src/common/contract/stats.js';
import { HONOUR_LEVELS } from '../src/common/enums.js';
import { PortalPage } from './pages/portal.page.js';
import { ScreenPage, type ScreenFigureKey } from './pages/screen.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, registerVolunteerByApi } from './support/api-setup.js';
import { launchBrowser, newContext, watchErrors } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import { uniquePerson } from './support/fixture.js';
import { publishedActivity, tabTo } from './support/service-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const DEMO_PASSWORD = 'shanmei-demo';
const WALL = { width: 1920, height: 1080 };

/** A public answer, as the API gives it to anyone. */
async function publicGet<T>(base: string, path: string, query = ''): Promise<T> {
  const res = await fetch(`${base}/api/v1/${path}${query ? `?${query}` : ''}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}
/** A public statistics answer. */
const stats = <T>(base: string, what: string, query = '') => publicGet<T>(base, `stats/${what}`, query);

const zh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const zhHours = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
const zhPercent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 0 });

/** The departments' plans (city-wide, on every screen) and the region's honours by level, as the API answers them. */
async function assertPlansAndHonours(screen: ScreenPage, base: string, regionCode?: string): Promise<void> {
  const plans = await publicGet<PlanProgressView>(base, 'plans/progress');
  const shown = plans.items.filter((r) => r.tasks > 0).slice(0, 9);
  assert.ok(shown.length > 0, 'the demo has departments’ plans this year');
  assert.deepEqual(
    await screen.planNames().allTextContents(),
    shown.map((r) => r.departmentName),
  );
  const values = await screen.planValues().allTextContents();
  shown.forEach((r, i) => {
    const expected = `${zhPercent.format(r.progress)} · 完成 ${zh.format(r.done)}/${zh.format(r.tasks)}`;
    assert.equal(values[i], r.overdue > 0 ? `${expected} · 逾期 ${zh.format(r.overdue)}` : expected, r.departmentName);
  });
  assert.equal(await screen.planScope().textContent(), `全市 · ${plans.year}年`);
  const honours = await publicGet<HonourSummaryView>(
    base,
    'honours/summary',
    regionCode ? `regionCode=${regionCode}` : '',
  );
  for (const level of HONOUR_LEVELS) {
    const count = honours.byLevel.find((l) => l.level === level)?.count ?? 0;
    assert.equal(await screen.honours(level).locator('.screen-figure-value').textContent(), zh.format(count), level);
  }
}

/** The ten headline figures as the screen shows them. */
function expectedFigures(s: StatsOverview): [ScreenFigureKey, string][] {
  return [
    ['volunteers', zh.format(s.volunteers)],
    ['activeVolunteers', zh.format(s.activeVolunteers)],
    ['teams', zh.format(sum(s.teamsByLevel))],
    ['sites', zh.format(sum(s.sitesByType))],
    ['sessions', zh.format(s.sessions)],
    ['participations', zh.format(s.participations)],
    ['peopleServed', zh.format(s.peopleServed)],
    ['hours', zhHours.format(s.hours)],
    ['pointsIssued', zh.format(s.pointsIssued)],
    ['pointsRedeemed', zh.format(s.pointsRedeemed)],
  ];
}

describe('big screen (数据大屏)', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    // The Chongqing demo, and three check-ins today at an activity by 解放碑 (渝中区) under way now.
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    const lead = await ApiCaller.login(server.url, 'team.admin', DEMO_PASSWORD);
    const { shiftId } = await publishedActivity(lead, {
      title: '解放碑街头环保宣传',
      field: 'ecology',
      start: e2eNow() - 20 * 60_000,
      hours: 3,
      capacity: 10,
    });
    const people = [{ login: '13800000001', password: DEMO_PASSWORD }];
    for (const name of ['林一', '林二']) {
      const person = { name, password: 'screen-pass-1', ...uniquePerson() };
      await registerVolunteerByApi(server.url, { ...person, regionCode: '500103' });
      people.push({ login: person.phone, password: person.password });
    }
    for (const p of people) {
      const v = await ApiCaller.login(server.url, p.login, p.password);
      await v.post(`/shifts/${shiftId}/signups`, {});
      const me = await v.get<{ user: { volunteerId: string } }>('/me');
      await lead.post(`/shifts/${shiftId}/attendance`, {
        volunteerId: me.user.volunteerId,
        kind: 'in',
        reason: '现场核实',
      });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows at 1920×1080, without overflow, the figures, map, projects and check-ins the API answers', async () => {
    const context = await newContext(browser, server.url, WALL);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const screen = new ScreenPage(page);
    await screen.open();

    const s = await stats<StatsOverview>(server.url, 'overview');
    assert.ok(s.volunteers > 0 && s.hours > 0, 'the demo has volunteers and confirmed hours');
    for (const [key, text] of expectedFigures(s)) assert.equal(await screen.figure(key).textContent(), text, key);
    assert.match((await screen.heading().textContent()) ?? '', /重庆市/);
    assert.match((await page.getByTestId('screen-clock').textContent()) ?? '', /\d{2}:\d{2}:\d{2}/);

    // The map draws, and its hidden table names every district (and the zones without an outline).
    assert.ok((await screen.map().locator('canvas').count()) > 0);
    const rows = await screen.mapTableRows().allTextContents();
    assert.deepEqual([...rows].sort(), s.byRegion.map((r) => r.name).sort());
    assert.ok(rows.includes('渝中区') && rows.includes('两江新区'));
    assert.match((await page.getByTestId('screen-map-apart').textContent()) ?? '', /两江新区/);

    const projects = await stats<StatsProjects>(server.url, 'projects');
    assert.ok(projects.items.length > 0, 'the demo has service in brand projects');
    assert.deepEqual(
      await screen.projects().allTextContents(),
      projects.items.map((p) => p.name),
    );

    const today = await stats<StatsToday>(server.url, 'today');
    assert.ok(today.checkIns >= 3, `three check-ins today, the API says ${today.checkIns}`);
    assert.equal(await page.getByTestId('screen-today-total').textContent(), zh.format(today.checkIns));
    const recent = await screen.recentCheckIns().allTextContents();
    assert.equal(recent.length, today.recent.length);
    assert.ok(recent.every((r) => r.includes('解放碑街头环保宣传') && r.includes('渝中区')));
    // Places and activities only: nobody's name.
    assert.ok(!recent.some((r) => /陈善美|林一|林二/.test(r)), recent.join(' | '));

    // The departments' plans of the year, city-wide, and the city's honours by level (the demo has some).
    await assertPlansAndHonours(screen, server.url);
    const honours = await publicGet<HonourSummaryView>(server.url, 'honours/summary');
    assert.ok(honours.total > 0, 'the demo has honours');
    const text = (await page.getByTestId('screen-plans-panel').textContent()) ?? '';
    assert.ok(!/预算|经费|¥|元/.test(text), `no funding on the screen: ${text}`);

    assert.deepEqual(await screen.overflow(), { x: 0, y: 0 }, 'the city screen fits 1920×1080');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('drills down to 渝中区 and back by keyboard', async () => {
    const context = await newContext(browser, server.url, WALL);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const screen = new ScreenPage(page);
    await screen.open();

    await tabTo(page, /^渝中区$/, 120);
    assert.equal(await page.evaluate('document.activeElement.getAttribute("href")'), '/screen/500103');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/screen/500103');
    await screen.ready();
    const district = await stats<StatsOverview>(server.url, 'overview', 'regionCode=500103');
    assert.match((await screen.heading().textContent()) ?? '', /渝中区/);
    for (const [key, text] of expectedFigures(district)) {
      assert.equal(await screen.figure(key).textContent(), text, key);
    }
    // Its streets ranked (and what lies at the district itself, when any); no map.
    const names = await screen.streets().locator('.screen-rank-name').allTextContents();
    for (const street of district.byRegion) assert.ok(names.includes(street.name), street.name);
    assert.equal(await screen.map().count(), 0);
    // Honours of the district; the plans stay the city's.
    await assertPlansAndHonours(screen, server.url, '500103');
    assert.deepEqual(await screen.overflow(), { x: 0, y: 0 }, 'the district screen fits 1920×1080');

    // Focus starts the new page; the way back is its first stop.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'screen-back');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/screen');
    await screen.ready();
    assert.match((await screen.heading().textContent()) ?? '', /重庆市/);

    // A click on the map opens the district under the pointer (at the map's centre: one of the outlined ones).
    await screen.clickMapCentre();
    await page.waitForURL((u) => /^\/screen\/5001\d\d|^\/screen\/5002\d\d/.test(u.pathname));
    await screen.ready();
    const code = new URL(page.url()).pathname.split('/')[2];
    const clicked = (await stats<StatsOverview>(server.url, 'overview')).byRegion.find((r) => r.regionCode === code);
    assert.ok(clicked, `a district of the city: ${code}`);
    assert.match((await screen.heading().textContent()) ?? '', new RegExp(clicked.name));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is accessible in every mode, the city and a district', async () => {
    const context = await newContext(browser, server.url, WALL);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const screen = new ScreenPage(page);
    await screen.open();
    await assertAccessibleInEveryMode(page, 'big screen', () => screen.ready());
    await screen.open('/screen/500103');
    await assertAccessibleInEveryMode(page, 'big screen of 渝中区', () => screen.ready());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the portal links to it', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const portal = new PortalPage(page);
    await portal.open();
    await page.getByTestId('screen-link').click();
    await page.waitForURL((u) => u.pathname === '/screen');
    await new ScreenPage(page).ready();
    await context.close();
  });
});
