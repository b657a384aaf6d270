import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AdminPage } from './pages/admin.page.js';
import { ConsoleFrame } from './pages/console.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { motionDone } from './support/motion.js';
import { loggedIn } from './support/service-helpers.js';
import { jpegWithGps } from '../test/photos.js';

const DEMO_PASSWORD = 'shanmei-demo';
const TITLE = '嘉陵江边的清晨守护';
const SUMMARY = '渝中区生态环境志愿服务队清理江岸垃圾三百公斤';

const settled = async (page: Page) => {
  await new ConsoleFrame(page).settled();
  await motionDone(page);
};
const photo = async (name: string) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await jpegWithGps({ width: 640, height: 480 }),
});
/** Whether every image on the page has loaded (a photo the page may not see would be broken). */
const imagesLoaded = (page: Page) =>
  page.waitForFunction(`[...document.querySelectorAll('main img')].every((i) => i.complete && i.naturalWidth > 0)`);

/** A team writes a story with a photo, its parent organisation's admin publishes it, and the portal shows it. */
describe('stories (志愿风采): written, reviewed by the parent organisation, published', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('team.admin writes and submits, dept.admin approves, anyone reads it on the portal, in zh-CN, en and care mode', async () => {
    const [context, page] = await loggedIn(fx, 'team.admin', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${fx.server.url}/console`);
    await new ConsoleFrame(page).menu().getByRole('menuitem', { name: '志愿风采', exact: true }).click();
    await page.locator('h1', { hasText: '志愿风采' }).waitFor();
    await assertAccessibleInEveryMode(page, 'stories console', () => settled(page));

    await page.getByTestId('story-title').fill(TITLE);
    await page.getByTestId('story-summary').fill(SUMMARY);
    await new AdminPage(page).pickByLabel('服务领域', '生态环保');
    await page.getByTestId('story-create').click();
    await page.waitForURL(/\/organiser\/stories\/[^/]+$/);
    await page.getByTestId('story-add-paragraph').click();
    await page.getByTestId('story-block-text').last().fill('清晨六点，二十名队员沿嘉陵江岸清理垃圾。');
    await page.getByTestId('story-add-image').setInputFiles(await photo('IMG_0001.jpg'));
    await page.getByTestId('story-block-alt').fill('队员们在江岸捡拾垃圾');
    await page.getByTestId('story-cover-input').setInputFiles(await photo('IMG_0002.jpg'));
    await page.getByTestId('story-cover-preview').waitFor();
    // The story tells of one of the team's activities (the first the picker offers).
    await page.getByLabel('相关活动（可不选）', { exact: true }).click();
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first();
    const activityTitle = (await option.textContent()) ?? '';
    await option.click();
    await new AdminPage(page).popupsClosed();
    await imagesLoaded(page);
    await assertAccessibleInEveryMode(page, 'story editor with a photo', () => settled(page));
    await page.getByTestId('story-submit').click();
    await page.getByTestId('story-status').filter({ hasText: '待审核' }).waitFor();
    const storyPath = new URL(page.url()).pathname;
    const id = storyPath.split('/').pop() ?? '';
    assert.deepEqual(errors, []);
    await context.close();

    // Not on the portal before it is approved.
    const anon = await newContext(fx.browser, fx.server.url);
    const reader = await anon.newPage();
    const readerErrors = watchErrors(reader);
    assert.equal((await reader.request.get(`${fx.server.url}/api/v1/stories/${id}`)).status(), 404);

    const [deptContext, dept] = await loggedIn(fx, 'dept.admin', DEMO_PASSWORD);
    const deptErrors = watchErrors(dept);
    await dept.goto(`${fx.server.url}/console`);
    await new ConsoleFrame(dept).menu().getByRole('menuitem', { name: '风采审核' }).click();
    const link = dept.getByRole('link', { name: TITLE });
    await link.waitFor();
    await assertAccessibleInEveryMode(dept, 'stories to review', () => settled(dept));
    await link.click();
    await dept.getByTestId('story-approve').waitFor();
    await imagesLoaded(dept);
    await assertAccessibleInEveryMode(dept, 'story under review', () => settled(dept));
    await dept.getByTestId('story-approve').click();
    await dept.getByTestId('story-status').filter({ hasText: '已发布' }).waitFor();
    assert.deepEqual(deptErrors, []);
    await deptContext.close();

    // Anyone, not signed in: the list, then the story with its photos.
    await reader.goto(`${fx.server.url}/stories`);
    const card = reader.getByTestId('story-card').filter({ hasText: TITLE });
    await card.waitFor();
    await imagesLoaded(reader);
    await assertAccessibleInEveryMode(reader, 'portal stories', () => motionDone(reader));
    await card.getByRole('link', { name: TITLE }).click();
    await reader.locator('h1', { hasText: TITLE }).waitFor();
    await reader.locator('figcaption', { hasText: '队员们在江岸捡拾垃圾' }).waitFor();
    await imagesLoaded(reader);
    await assertAccessibleInEveryMode(reader, 'story page', () => motionDone(reader));
    const published = (await (await reader.request.get(`${fx.server.url}/api/v1/stories/${id}`)).json()) as {
      activityTitle: string | null;
    };
    assert.equal(published.activityTitle, activityTitle);
    // The shared link's HTML carries the story's Open Graph tags.
    const html = await (await reader.request.get(`${fx.server.url}/stories/${id}`)).text();
    assert.match(html, new RegExp(`<meta property="og:title" content="${TITLE}" />`));
    assert.match(html, /<meta property="og:image" content="http:\/\/[^"]+\/api\/v1\/files\/[^"]+\/thumbnail" \/>/);

    // Anyone sends a tip for a story: it goes to the organisation for the region chosen.
    await reader.goto(`${fx.server.url}/stories/tip`);
    for (const [i, code] of ['500000', '500103'].entries()) {
      const select = reader.getByTestId(`region-level-${i}`);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
    await reader.getByTestId('story-tip-text').fill('解放碑有位老志愿者每天清扫街道');
    await assertAccessibleInEveryMode(reader, 'story tip form', () => motionDone(reader));
    await reader.getByTestId('story-tip-send').click();
    await reader.getByTestId('story-tip-sent').waitFor();
    await assertAccessibleInEveryMode(reader, 'story tip sent', () => motionDone(reader));
    assert.deepEqual(readerErrors, []);
    await anon.close();
  });
});
