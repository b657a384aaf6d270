import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedIn } from './support/service-helpers.js';
import { MePage } from './pages/me.page.js';
import { assertAccessibleInEveryMode } from './support/a11y.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { ADMIN_PASSWORD } from './support/test-server.js';

/** Accounts that are no volunteers: their password and, for a resident, closing the account. */
describe('account security for residents and admins', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  const logIn = async (login: string, password: string) => {
    const { context, page, errors } = await signedIn(fx, login, password);
    const me = new MePage(page);
    await me.goto('/me');
    await page.getByRole('heading', { level: 2, name: '修改密码' }).waitFor();
    return { context, page, errors, me };
  };

  it('lets a resident change the password and offers closing the account, accessibly in every mode', async () => {
    const person = { ...uniquePerson(), password: 'resident-pass-1' };
    const asked = await fetch(`${fx.server.url}/api/v1/verification-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: person.phone, purpose: 'register' }),
    });
    assert.equal(asked.status, 202);
    const made = await fetch(`${fx.server.url}/api/v1/residents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '居民甲',
        phone: person.phone,
        password: person.password,
        regionCode: '500103',
        verificationCode: fx.server.sms.lastCode(person.phone),
      }),
    });
    assert.equal(made.status, 201);
    const { context, page, errors, me } = await logIn(person.phone, person.password);
    await page.getByRole('heading', { level: 2, name: '注销账号' }).waitFor();
    await assertAccessibleInEveryMode(page, 'me (resident)', () => me.settled());
    await page.locator('[name="passwordCurrent"]').fill(person.password);
    // The password policy's refusal, in the page's language, at the field.
    await page.locator('[name="passwordNew"]').fill('1234567890');
    await page.locator('[name="passwordNew"]').press('Enter');
    await page.getByText('这是最常见的密码之一').waitFor();
    await page.locator('[name="passwordNew"]').fill('resident-pass-2');
    await page.locator('[name="passwordNew"]').press('Enter');
    await page.getByText('密码已修改').waitFor();
    // The one 422 is the refused common password above.
    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
    );
    await context.close();
  });

  it('logs out everywhere by keyboard: every device of the account goes back to the login page', async () => {
    const person = { ...uniquePerson(), password: 'everywhere-pass-1' };
    await fetch(`${fx.server.url}/api/v1/verification-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: person.phone, purpose: 'register' }),
    });
    const made = await fetch(`${fx.server.url}/api/v1/residents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '居民乙',
        phone: person.phone,
        password: person.password,
        regionCode: '500103',
        verificationCode: fx.server.sms.lastCode(person.phone),
      }),
    });
    assert.equal(made.status, 201);
    const laptop = await logIn(person.phone, person.password);
    const phone = await logIn(person.phone, person.password);
    const button = phone.page.getByRole('button', { name: '退出所有设备' });
    await button.focus();
    await phone.page.keyboard.press('Enter');
    await phone.page.waitForURL((u) => u.pathname.endsWith('/login'));
    const mine = await laptop.page.request.get(`${fx.server.url}/api/v1/me`);
    assert.equal(mine.status(), 401);
    assert.deepEqual(phone.errors, []);
    await laptop.context.close();
    await phone.context.close();
  });

  it('lets an admin change the password but not close an account that administers others', async () => {
    const { context, page, errors } = await logIn('admin', ADMIN_PASSWORD);
    assert.equal(await page.getByRole('heading', { level: 2, name: '注销账号' }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
