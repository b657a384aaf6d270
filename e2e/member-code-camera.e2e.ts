import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CounterPage } from './pages/counter.page.js';
import { LoginPage } from './pages/login.page.js';
import { OrganiserPage } from './pages/organiser.page.js';
import { ApiCaller, arrangeTeam, registerVolunteerByApi } from './support/api-setup.js';
import { launchBrowser, newContext } from './support/browser.js';
import { writeQrVideo } from './support/fake-camera.js';
import { uniquePerson } from './support/fixture.js';
import { publishedActivity } from './support/service-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { e2eNow } from './support/clock.js';

/**
 * The member-code field the organiser kiosk and the counter share, read by the camera: a
 * fake camera plays the volunteer's current member code as a QR code, and each console
 * acts on it as if typed.
 */
describe('member code read by the camera at the kiosk and at the counter', () => {
  let server: TestServer;
  let volunteerApi: ApiCaller;
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-member-camera-'));
  const leader = { name: '曹队长', password: 'leader-pass-7', ...uniquePerson() };
  const clerk = { name: '许店员', password: 'clerk-pass-7', ...uniquePerson() };
  const volunteer = { name: '彭扫码', password: 'volunteer-pass-7', ...uniquePerson() };
  let shiftPath = '';

  /**
   * A browser whose camera plays `name`.y4m. Chromium reads the file when the camera opens, so
   * `filmMemberCode` writes the volunteer's code of that moment just before: a slow machine
   * cannot let it expire while the browser starts and the staff member logs in.
   */
  const filmMemberCode = async (name: string) =>
    writeQrVideo(join(dir, `${name}.y4m`), (await volunteerApi.get<{ token: string }>('/me/member-code')).token);
  const browserShowingMemberCode = async (name: string): Promise<Browser> => {
    const video = join(dir, `${name}.y4m`);
    await filmMemberCode(name); // the device must exist when the browser starts
    return launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
  };
  const logIn = async (browser: Browser, who: { phone: string; password: string }) => {
    const context = await newContext(browser, server.url);
    await context.grantPermissions(['camera']);
    const login = new LoginPage(await context.newPage());
    await login.open();
    await login.logIn(who.phone, who.password);
    await login.page.waitForURL((u) => !u.pathname.endsWith('/login'));
    return login.page;
  };

  before(async () => {
    server = await startTestServer();
    const admin = await ApiCaller.login(server.url);
    await arrangeTeam(server.url, admin, leader);
    await registerVolunteerByApi(server.url, { ...volunteer, regionCode: '500103' });
    volunteerApi = await ApiCaller.login(server.url, volunteer.phone, volunteer.password);
    const lead = await ApiCaller.login(server.url, leader.phone, leader.password);
    const activity = await publishedActivity(lead, {
      title: '扫码登记活动',
      field: 'ecology',
      start: e2eNow() - 5 * 60_000,
      hours: 2,
      capacity: 5,
    });
    await volunteerApi.post(`/shifts/${activity.shiftId}/signups`, {});
    shiftPath = `/organiser/shifts/${activity.shiftId}?activity=${activity.id}`;
    const site = await admin.post<{ id: string }>('/sites', {
      name: '较场口积分超市',
      type: 'supermarket',
      regionCode: '500103',
      address: '重庆市渝中区较场口',
      lat: 29.5535,
      lng: 106.5776,
    });
    const staff = await registerVolunteerByApi(server.url, { ...clerk, regionCode: '500103' });
    await admin.post('/roles', { userId: staff.userId, role: 'clerk', scopeType: 'site', scopeId: site.id });
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the organiser kiosk checks the volunteer in from the camera', async () => {
    const browser = await browserShowingMemberCode('kiosk');
    try {
      const page = await logIn(browser, leader);
      const organiser = new OrganiserPage(page);
      await organiser.goto(shiftPath);
      await page.getByTestId('desk-digits').waitFor();
      await page.getByRole('button', { name: '扫会员码登记' }).click();
      await page.getByTestId('kiosk-input').waitFor();
      await filmMemberCode('kiosk');
      await page.getByTestId('kiosk').getByRole('button', { name: '打开摄像头扫码' }).click();
      await organiser
        .kioskLog()
        .filter({ hasText: `${volunteer.name} 已签到` })
        .waitFor({ timeout: 20_000 });
    } finally {
      await browser.close();
    }
  });

  it('the counter finds the customer from the camera', async () => {
    const browser = await browserShowingMemberCode('counter');
    try {
      const page = await logIn(browser, clerk);
      const counter = new CounterPage(page);
      await counter.openSection('redeem');
      await filmMemberCode('counter');
      await page
        .getByRole('form', { name: /会员码/ })
        .getByRole('button', { name: '打开摄像头扫码' })
        .click();
      // The counter shows the customer's name masked: 彭扫码 as 彭*码.
      await page.getByTestId('customer').filter({ hasText: '彭*码' }).waitFor({ timeout: 20_000 });
    } finally {
      await browser.close();
    }
  });
});
