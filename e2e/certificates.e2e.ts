import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OrganiserPage } from './pages/organiser.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, type Fixture } from './support/fixture.js';
import { motionDone } from './support/motion.js';
import { loggedIn } from './support/service-helpers.js';

const DEMO_VOLUNTEER = { login: '13800000001', password: 'shanmei-demo' };

/** A volunteer issues a certificate for a period, downloads it, and anyone opens its verification page. */
describe('service certificates: issue, download, verify', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
  });
  after(async () => {
    await fx?.close();
  });

  it('issues one as the volunteer and verifies it without logging in, in zh-CN, en and care mode', async () => {
    const [context, page] = await loggedIn(fx, DEMO_VOLUNTEER.login, DEMO_VOLUNTEER.password);
    const errors = watchErrors(page);
    await page.goto(`${fx.server.url}/me/certificates`);
    const form = page.locator('form.issue-certificate');
    await form.waitFor();
    const ready = async () => {
      await form.waitFor();
      await motionDone(page);
    };
    await assertAccessibleInEveryMode(page, 'my certificates', ready);

    // The demo volunteer's service is all in the past months: a period from long ago covers it.
    await form.locator('input[type="date"]').first().fill('2020-01-01');
    await form.locator('button[type="submit"]').click();
    const issued = page.getByTestId('certificate-issued');
    const select = form.locator('select');
    await Promise.race([issued.waitFor(), select.waitFor()]);
    if (await select.isVisible()) {
      // Several organisations recorded the service: the one to issue it is picked.
      await select.selectOption({ index: 1 });
      await form.locator('button[type="submit"]').click();
      await issued.waitFor();
    }
    await page.getByTestId('certificate-item').first().waitFor();
    await assertAccessibleInEveryMode(page, 'my certificates with one issued', ready);

    // The PDF downloads for the volunteer, and its first page renders (pdftoppm, as the screenshots do).
    const href = (await issued.locator('a[download]').getAttribute('href')) ?? '';
    const pdf = await context.request.get(`${fx.server.url}${href}`);
    assert.equal(pdf.status(), 200);
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'shanmei-cert-e2e-'));
    try {
      writeFileSync(join(dir, 'c.pdf'), bytes);
      execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const verifyHref = (await issued.locator('a:not([download])').getAttribute('href')) ?? '';
    assert.match(verifyHref, /^\/verify\/[0-9A-Z]{24}$/);
    // The one refusal expected: the period's records come from several organisations (422, then picked).
    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
    );
    await context.close();

    // Anyone: a fresh browser with no login opens the page the QR code points to.
    const anon = await newContext(fx.browser, fx.server.url);
    const p = await anon.newPage();
    await p.goto(`${fx.server.url}${verifyHref}`);
    const genuine = p.getByTestId('verify-genuine');
    await genuine.waitFor();
    assert.ok((await p.locator('table tbody tr').count()) > 0);
    await assertAccessibleInEveryMode(p, 'certificate verification', async () => {
      await genuine.waitFor();
      await motionDone(p);
    });

    // A made-up code says plainly that no certificate has it.
    await p.goto(`${fx.server.url}/verify/0123456789ABCDEFGHJKMNPQ`);
    await p.getByTestId('verify-unknown').waitFor();
    await anon.close();
  });

  it("shows the organiser's certificates page, its issue form and issued list, with no axe violations", async () => {
    const [context, page] = await loggedIn(fx, 'team.admin', DEMO_VOLUNTEER.password);
    const errors = watchErrors(page);
    const console_ = new OrganiserPage(page);
    await console_.goto('/organiser/certificates');
    const form = page.locator('#issue-for-title');
    await form.waitFor();
    await assertAccessibleInEveryMode(page, 'organiser certificates', async () => {
      await form.waitFor();
      await console_.settled();
      await motionDone(page);
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
