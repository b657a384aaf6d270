import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import exifr from 'exifr';
import { wallTime } from '../src/common/zoned-time.js';
import { jpegWithGps } from '../test/photos.js';
import { signedIn } from './support/service-helpers.js';
import { NeedsBoardPage, NeedsPage } from './pages/needs.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller } from './support/api-setup.js';
import { e2eNow, PLATFORM_TIME_ZONE as TZ } from './support/clock.js';
import { openFixture, type Fixture } from './support/fixture.js';

const DEMO_PASSWORD = 'shanmei-demo';
const DAY = 86_400_000;
const TEAM = '渝中区生态环境志愿服务大队';
const PHONE = '13912345678';
const TEXT = '独居老人需要陪同去医院复诊';

interface Need {
  id: string;
  status: string;
  contact: string | null;
  reason: string | null;
}

describe('a need from post to rating: resident → region admin → team → resident', () => {
  let fx: Fixture & { close: () => Promise<void> };
  let resident: Awaited<ReturnType<typeof signedIn>>;
  let needId = '';

  before(async () => {
    fx = await openFixture({ demo: true });
    resident = await signedIn(fx, 'resident');
  });
  after(async () => {
    await resident?.context.close();
    await fx?.close();
  });

  it('the resident posts a medical escort, asked first for the risk statement', async () => {
    const needs = new NeedsPage(resident.page);
    await needs.openPostForm();
    await assertAccessibleInEveryMode(resident.page, 'post a need', () => needs.settled());
    await needs.fill({
      type: 'medical_escort',
      text: TEXT,
      regionPath: ['500000', '500103'],
      address: '解放碑街道民族路 88 号 3 单元',
      wantedAt: wallTime(e2eNow() + 2 * DAY, TZ).slice(0, 11) + '09:00',
      phone: PHONE,
    });
    await needs.submit();
    await resident.page.locator('fieldset.need-risk .field-error').waitFor();
    assert.match(resident.page.url(), /\/needs\/new$/, 'nothing is sent without the risk statement');
    await assertAccessibleInEveryMode(resident.page, 'post a need with errors', () => needs.settled());

    await needs.input('riskAccepted').check();
    await needs.submit();
    await resident.page.waitForURL(/\/needs\/(?!new)[^/]+$/);
    needId = resident.page.url().split('/').at(-1) ?? '';
    await needs.waitForStatus(/待审核/);
    assert.equal(await needs.contact().textContent(), PHONE, 'the resident sees their own phone');
    assert.deepEqual(await needs.eventKinds(), ['posted']);
    assert.match((await resident.page.locator('dd', { hasText: ':00' }).first().textContent()) ?? '', /09:00/);
    await assertAccessibleInEveryMode(resident.page, 'a posted need', () => needs.settled());

    await resident.page.getByTestId('needs-link').click();
    await needs.cards().filter({ hasText: TEXT }).waitFor();
    assert.match((await needs.cards().first().textContent()) ?? '', new RegExp(TEXT), 'newest first');
    assert.equal(await needs.cards().count(), 5, 'with the demo resident’s four');
    await assertAccessibleInEveryMode(resident.page, 'my needs', () => needs.settled());
  });

  it('the region admin accepts it on the board and dispatches it to a team', async () => {
    const admin = await signedIn(fx, 'region.admin');
    const board = new NeedsBoardPage(admin.page);
    await board.open('/admin/needs');
    assert.equal(await board.rows().count(), 5, 'the demo’s four and the new one');
    // By keyboard: the row's button opens the panel below, and focus moves to it.
    await board.rows().filter({ hasText: TEXT }).getByTestId('board-open').focus();
    await admin.page.keyboard.press('Enter');
    await board.panel().locator('dl').waitFor();
    await admin.page.waitForFunction(`document.activeElement?.id === 'need-panel-title'`);
    await board.settled();
    await assertAccessibleInEveryMode(admin.page, 'needs board', () => board.settled());

    await board.panel().getByTestId('need-accept').click();
    await board.panel().getByTestId('need-dispatch').waitFor();
    await board.pickTeam(TEAM);
    await board.panel().getByTestId('need-dispatch').click();
    await board.panel().locator('dd', { hasText: TEAM }).waitFor();
    await board
      .rows()
      .filter({ hasText: TEXT })
      .filter({ hasText: /已派单/ })
      .waitFor();
    await assertAccessibleInEveryMode(admin.page, 'needs board, dispatched', () => board.settled());
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });

  it('a member of the team takes it, sees the phone only then, and completes it', async () => {
    const member = await signedIn(fx, '13800000001');
    const needs = new NeedsPage(member.page);
    await needs.goto('/me/team-needs');
    await needs.cards().filter({ hasText: TEXT }).waitFor();
    await assertAccessibleInEveryMode(member.page, 'needs offered to my teams', () => needs.settled());
    await needs.cards().filter({ hasText: TEXT }).getByRole('link').click();
    await needs.timeline().waitFor();
    await needs.waitForStatus(/已派单/);
    const hidden = (await needs.contact().textContent()) ?? '';
    assert.ok(!hidden.includes(PHONE), `the phone is masked before taking: ${hidden}`);
    await assertAccessibleInEveryMode(member.page, 'a need offered to my team', () => needs.settled());

    await member.page.getByTestId('need-take').click();
    await needs.waitForStatus(/已接单/);
    assert.equal(await needs.contact().textContent(), PHONE, 'the taker sees the phone');

    await member.page.getByTestId('need-complete-submit').click();
    await member.page.locator('.field-error').waitFor();
    await member.page.getByTestId('need-complete-text').fill('陪同老人到医院完成复诊，已送回家');
    await member.page.locator('.field-error').waitFor({ state: 'detached' }); // gone once there is text
    // Two photos picked, one dropped again: the one kept goes with the report.
    await needs.attachPhotos([
      {
        name: 'IMG_0001.jpg',
        mimeType: 'image/jpeg',
        buffer: await jpegWithGps({ width: 800, height: 600, colour: '#3a7' }),
      },
      {
        name: 'IMG_0002.jpg',
        mimeType: 'image/jpeg',
        buffer: await jpegWithGps({ width: 800, height: 600, colour: '#a73' }),
      },
    ]);
    assert.equal(await needs.photoPreviews().count(), 2);
    await assertAccessibleInEveryMode(member.page, 'completing a need with photos', () => needs.settled());
    await member.page.getByTestId('need-photo-remove').nth(1).click();
    assert.equal(await needs.photoPreviews().count(), 1);
    await member.page.getByTestId('need-complete-submit').click();
    await needs.waitForStatus(/已完成/);
    await needs.photos().first().waitFor();
    assert.equal(await needs.photos().count(), 1);
    await assertAccessibleInEveryMode(member.page, 'a completed need', () => needs.settled());
    assert.deepEqual(member.errors, []);
    await member.context.close();
  });

  it('the resident reads the timeline in local time and rates the service', async () => {
    const needs = new NeedsPage(resident.page);
    await needs.openNeed(needId);
    await needs.waitForStatus(/已完成/);
    assert.deepEqual(await needs.eventKinds(), ['posted', 'accepted', 'dispatched', 'taken', 'completed']);
    // The taker's photo, as a thumbnail linking to the full photo, which carries no position.
    await needs.photos().first().waitFor();
    await needs.imagesLoaded('need-photo'); // loaded, with pixels: the thumbnail is shown
    const href = (await needs.photos().first().locator('xpath=..').getAttribute('href')) ?? '';
    assert.match(href, /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const full = await resident.page.request.get(href);
    assert.equal(full.status(), 200);
    assert.match(full.headers()['cache-control'] ?? '', /^private/);
    assert.equal(await exifr.gps(await full.body()), undefined, 'no GPS position in the stored photo');
    await assertAccessibleInEveryMode(resident.page, 'rate a need', () => needs.settled());

    // By keyboard: the arrows walk the scores, Tab reaches the comment and the button, Enter sends.
    await resident.page.getByTestId('need-score-1').focus();
    for (let i = 0; i < 4; i++) await resident.page.keyboard.press('ArrowRight');
    assert.equal(await resident.page.getByTestId('need-score-5').isChecked(), true);
    await resident.page.keyboard.press('Tab');
    await resident.page.keyboard.type('志愿者非常耐心，谢谢！');
    await resident.page.keyboard.press('Tab');
    await resident.page.keyboard.press('Enter');
    await needs.waitForStatus(/已评价/);
    assert.deepEqual((await needs.eventKinds()).at(-1), 'rated');
    await assertAccessibleInEveryMode(resident.page, 'a rated need', () => needs.settled());

    // A complaint, once: it joins the timeline with its words, and the form goes.
    await resident.page.getByTestId('need-complain-text').fill('约定时间迟到了半小时');
    await resident.page.getByTestId('need-complain-submit').click();
    await resident.page.locator('[data-testid="need-event"][data-kind="complained"]', { hasText: '迟到' }).waitFor();
    assert.equal(await resident.page.getByTestId('need-complain-text').count(), 0);
    assert.deepEqual(resident.errors, []);
  });

  it('the site manager rejects a need with a reason the resident reads; the resident cancels another', async () => {
    const api = await ApiCaller.login(fx.server.url, 'resident', DEMO_PASSWORD);
    const body = { type: 'elderly_care', text: '需要有人陪老人聊天', regionCode: '500103', address: '较场口 1 号' };
    const toReject = await api.post<Need>('/needs', body);
    const toCancel = await api.post<Need>('/needs', { ...body, text: '帮忙打扫楼道' });

    const manager = await signedIn(fx, 'site.manager');
    const board = new NeedsBoardPage(manager.page);
    await board.open('/site/needs');
    await manager.page.locator('.ant-select', { has: manager.page.locator('input[id$="_status"]') }).click();
    await manager.page.locator('.ant-select-item-option', { hasText: '待审核' }).click();
    await manager.page.getByTestId('needs-filter-apply').click();
    await board.rows().nth(2).waitFor();
    assert.equal(await board.rows().count(), 3, 'only those awaiting review: the demo’s one and the two new');
    assert.equal(await board.rows().filter({ hasText: TEXT }).count(), 0);
    await board.openRow(body.text);
    await board.panel().getByTestId('need-reject').click();
    await board.panel().locator('.field-error').waitFor();
    await board.panel().getByTestId('need-reject-reason').fill('不在本中心服务范围，请联系社区');
    await board.panel().getByTestId('need-reject').click();
    await board.panel().locator('dd[data-testid="need-reason"]').waitFor();
    await assertAccessibleInEveryMode(manager.page, 'needs board, rejected', () => board.settled());
    assert.deepEqual(manager.errors, []);
    await manager.context.close();

    const needs = new NeedsPage(resident.page);
    await needs.openNeed(toReject.id);
    await needs.waitForStatus(/未受理/);
    assert.equal(await resident.page.getByTestId('need-reason').textContent(), '不在本中心服务范围，请联系社区');

    await needs.openNeed(toCancel.id);
    await resident.page.getByTestId('need-cancel-submit').click();
    await needs.waitForStatus(/已取消/);
    assert.equal((await api.get<Need>(`/needs/${toCancel.id}`)).status, 'cancelled');
    assert.equal((await api.get<Need>(`/needs/${toReject.id}`)).status, 'rejected');
    assert.deepEqual(resident.errors, []);
  });
});
