import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LoginPage } from './pages/login.page.js';
import { PointsPage } from './pages/points.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { e2eNow } from './support/clock.js';

const PLACE = { address: '重庆市渝中区解放碑', lat: 29.5576, lng: 106.5771 };

/**
 * Points earned by service: a region rule, a shift the organiser scans the volunteer in and
 * out of with the member code, a confirmed record; the statement shows the credit and when it expires.
 */
describe('my points: earned by service, with the expiry date', () => {
  let fx: Fixture & { close: () => Promise<void> };
  const leader = { name: '吴队长', password: 'leader-pass-2', ...uniquePerson() };
  const volunteer = { name: '郑服务', password: 'volunteer-pass-2', ...uniquePerson() };

  before(async () => {
    fx = await openFixture();
    const admin = await ApiCaller.login(fx.server.url);
    await admin.post('/point-rules', { scopeType: 'region', scopeId: '500103', pointsPerHour: 20 });
    const { organisationId } = await arrangeTeam(fx.server.url, admin, leader);
    await registerVolunteerByApi(fx.server.url, { ...volunteer, regionCode: '500103' });
    const lead = await ApiCaller.login(fx.server.url, leader.phone, leader.password);
    const now = e2eNow();
    const start = new Date(now - 70 * 60_000).toISOString();
    const activity = await lead.post<{ id: string; shifts: { id: string }[] }>('/activities', {
      organisationId,
      title: '滨江步道清洁',
      field: 'ecology',
      description: '清理滨江步道的垃圾',
      location: PLACE,
      radiusM: 300,
      requiresApproval: false,
      shifts: [{ start, end: new Date(now + 60 * 60_000).toISOString(), capacity: 5 }],
    });
    await lead.post(`/activities/${activity.id}/publish`, {});
    const shiftId = activity.shifts[0]?.id ?? '';
    const me = await ApiCaller.login(fx.server.url, volunteer.phone, volunteer.password);
    await me.post(`/shifts/${shiftId}/signups`, {});
    const code = async () => (await me.get<{ token: string }>('/me/member-code')).token;
    await lead.post(`/shifts/${shiftId}/attendance`, { memberCode: await code(), kind: 'in', at: start });
    await lead.post(`/shifts/${shiftId}/attendance`, { memberCode: await code(), kind: 'out' });
    const records = await lead.get<{ items: { id: string }[] }>(
      `/records?organisationId=${organisationId}&status=pending`,
    );
    await lead.post('/records/confirm', { ids: records.items.map((r) => r.id) });
  });
  after(async () => {
    await fx?.close();
  });

  it('shows the earned credit with its expiry date and the running balance', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await login.logIn(volunteer.phone, volunteer.password);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    const points = new PointsPage(page);
    await points.openStatement();
    const balance = await points.balance();
    assert.ok(balance > 0, `earned ${balance}`);
    const item = points.statementItems().first();
    assert.match((await item.textContent()) ?? '', /服务获得/);
    assert.match((await item.getByTestId('statement-amount').textContent()) ?? '', new RegExp(`\\+${balance}`));
    assert.match((await item.getByTestId('statement-expiry').textContent()) ?? '', /到期/);
    // Why, in words: the activity, then hours × points an hour (not "1.17h×20×1×1=23").
    assert.match((await item.textContent()) ?? '', /滨江步道清洁/);
    assert.match(
      (await item.getByTestId('statement-earning').textContent()) ?? '',
      new RegExp(`^服务 [\\d.]+ 小时 × 每小时 20 分 = ${balance} 分$`),
    );
    await assertAccessibleInEveryMode(page, 'my points with earned credit', () => points.settled());
    assert.deepEqual(errors, []);
    await context.close();
  });
});
