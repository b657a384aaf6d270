import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiTokensPage } from './pages/api-tokens.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { loggedIn } from './support/service-helpers.js';
import { ADMIN_PASSWORD } from './support/test-server.js';

const PHONE = { width: 390, height: 844 };

describe('API tokens and the password asked before personal data', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  /** GET /me with a bearer token, as a script would. */
  const meWith = (token: string) =>
    fetch(`${fx.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  it('lets an admin make a token by keyboard, see its secret once, copy it, and revoke it', async () => {
    const [context, page] = await loggedIn(fx, 'admin', ADMIN_PASSWORD);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = watchErrors(page);
    await page.goto('/me');
    await page.getByTestId('me-tokens').click();
    const tokens = new ApiTokensPage(page);
    await tokens.waitUntilShown();
    await tokens.listed();
    await assertAccessibleInEveryMode(page, 'API tokens, none yet', () => tokens.listed());

    // Nothing typed: the form names the field and sends nothing.
    await tokens.nameInput().focus();
    await page.keyboard.press('Enter');
    await tokens.fieldError('tokenName').waitFor();
    await tokens.daysInput().fill('400');
    await tokens.nameInput().fill('数据同步脚本');
    await tokens.nameInput().press('Enter');
    await tokens.fieldError('tokenDays').waitFor();
    await assertAccessible(page, 'API tokens form with errors');

    // Scope by arrow keys (read is first and chosen), 30 days, Enter.
    await tokens.scope('read').focus();
    assert.equal(await tokens.scope('read').isChecked(), true);
    await page.keyboard.press('ArrowDown');
    assert.equal(await tokens.scope('full').isChecked(), true);
    await page.keyboard.press('Tab');
    await tokens.daysInput().fill('30');
    await tokens.daysInput().press('Enter');

    // The secret, once, with the focus on its heading.
    await tokens.newTokenHeading().waitFor();
    await page.waitForFunction('document.activeElement?.id === "new-token-title"');
    const secret = await tokens.secret().inputValue();
    assert.match(secret, /^smt_[A-Za-z0-9_-]{40,}$/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/已复制到剪贴板|复制未成功/).waitFor();
    assert.equal(await tokens.rows().count(), 1);
    assert.match((await tokens.rows().first().textContent()) ?? '', /数据同步脚本.*完全.*从未使用/);
    await assertAccessibleInEveryMode(page, 'API tokens with a new secret', () => tokens.listed());

    const me = await meWith(secret);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { username: string } }).user.username, 'admin');

    // After a reload the secret is gone for good; the list shows the token and its last use.
    await page.reload();
    await tokens.waitUntilShown();
    await tokens.listed();
    assert.equal(await tokens.secret().count(), 0);
    assert.doesNotMatch(await page.content(), new RegExp(secret));
    assert.doesNotMatch((await tokens.rows().first().textContent()) ?? '', /从未使用/);

    // Revoke by keyboard: the token answers 401 from then on.
    await tokens.revokeButton('数据同步脚本').focus();
    await page.keyboard.press('Enter');
    await tokens
      .status()
      .getByText(/已撤销令牌/)
      .waitFor();
    await page.getByText('您还没有令牌。').waitFor();
    assert.equal((await meWith(secret)).status, 401);
    await assertAccessible(page, 'API tokens after revoking');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('asks a volunteer for the password in a dialog before their data goes, and offers no tokens', async () => {
    const person = { name: '钱令牌', password: 'tokens-pass-1', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
    const [context, page] = await loggedIn(fx, person.phone, person.password, PHONE);
    const errors = watchErrors(page);
    await page.getByTestId('me-volunteer-code').waitFor();
    assert.equal(await page.getByTestId('me-tokens').count(), 0);

    await page.getByTestId('me-export').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('password-dialog');
    await dialog.getByRole('heading', { name: '确认密码' }).waitFor();
    // The focus is inside the dialog, on the password.
    await page.waitForFunction('document.activeElement?.getAttribute("name") === "confirmPassword"');
    await assertAccessible(page, 'password dialog (phone)');

    // Escape closes it, nothing is fetched, and the focus is back on the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction('document.activeElement?.getAttribute("data-testid") === "me-export"');

    // The modal keeps the header out of reach: care mode, then English, are switched with it closed.
    await page.getByTestId('care-mode-switch').click();
    await page.waitForFunction('document.documentElement.classList.contains("care-mode")');
    await page.getByTestId('me-export').click();
    await assertAccessible(page, 'password dialog in care mode (phone)');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction('document.documentElement.lang === "en"');
    await page.getByTestId('me-export').click();
    await dialog.getByRole('heading', { name: 'Confirm your password' }).waitFor();
    await assertAccessible(page, 'password dialog in English and care mode (phone)');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction('document.documentElement.lang === "zh-CN"');
    await page.getByTestId('care-mode-switch').click();
    await page.waitForFunction('!document.documentElement.classList.contains("care-mode")');
    await page.getByTestId('me-export').focus();

    await page.keyboard.press('Enter');
    await page.keyboard.type('not-my-password');
    await page.keyboard.press('Enter');
    await dialog.getByText('当前密码不正确').waitFor();
    await assertAccessible(page, 'password dialog with a wrong password (phone)');

    const downloading = page.waitForEvent('download');
    await page.locator('input[name="confirmPassword"]').fill(person.password);
    await page.keyboard.press('Enter');
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^shanmei-my-data-.+\.json$/);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/已开始下载/).waitFor();

    // The tokens page itself says who may make them.
    await page.goto('/me/tokens');
    await page.getByText('只有管理员和组织者可以创建 API 令牌。').waitFor();
    await assertAccessible(page, 'API tokens for a volunteer (phone)');
    // The only console error is the browser reporting the wrong password's 403.
    assert.deepEqual(
      errors.filter((e) => !/status of 403/.test(e)),
      [],
    );
    await context.close();
  });
});
