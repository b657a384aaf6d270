import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newContext } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { VOLUNTEER_PAGES, volunteerSession } from './support/volunteer-pages.js';

/** The narrowest phones still common: nothing on a volunteer page may scroll sideways at this width. */
const PHONE = { width: 360, height: 740 };

describe('volunteer pages on a 360 px phone', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('never scroll sideways, in zh-CN and English, with and without care mode', async () => {
    const session = await volunteerSession(fx, '孙手机');

    const wide: string[] = [];
    for (const mode of [{}, { lang: 'en' as const }, { care: true }, { lang: 'en' as const, care: true }]) {
      const context = await newContext(fx.browser, fx.server.url, { ...PHONE, ...mode });
      await context.addCookies(session);
      const page = await context.newPage();
      for (const { path, ready } of VOLUNTEER_PAGES) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
        if (width > PHONE.width) wide.push(`${path} ${JSON.stringify(mode)}: ${width} px`);
      }
      await context.close();
    }
    assert.deepEqual(wide, []);
  });
});
