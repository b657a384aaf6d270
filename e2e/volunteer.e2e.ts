import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LoginPage } from './pages/login.page.js';
import { MePage } from './pages/me.page.js';
import { RegisterPage } from './pages/register.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

describe('volunteer: register → log in → Me', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('registers through the form, logs in with the phone and sees the Me page with the ID masked', async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const reg = new RegisterPage(page);
    await reg.open();
    await assertAccessibleInEveryMode(page, 'registration', () => reg.settled());

    // Client-side checks mirror the server's schema: nothing is sent while fields are wrong.
    await reg.submit();
    for (const f of ['name', 'idNumber', 'phone', 'password', 'verificationCode']) await reg.fieldError(f).waitFor();
    await assertAccessible(page, 'registration with errors');

    const person = uniquePerson();
    const wrongCheckDigit = person.idNumber.slice(0, 17) + (person.idNumber.endsWith('0') ? '1' : '0');
    await reg.fill(
      {
        name: '李志愿',
        idNumber: wrongCheckDigit,
        phone: person.phone,
        password: 'volunteer-pass-1',
        regionPath: ['500000', '500103'],
        skills: '急救、手语',
        fields: ['ecology', 'elderly'],
      },
      fx.server.sms,
    );
    await reg.submit();
    await reg.fieldError('idNumber').waitFor();
    assert.equal(await reg.fieldError('phone').count(), 0);

    await reg.input('idNumber').fill(person.idNumber);
    await reg.submit();
    const code = (await reg.newVolunteerCode().textContent())?.trim() ?? '';
    assert.match(code, /\S{6,}/);
    // Registered and logged in at once, with a first step offered.
    await page.getByTestId('first-activity').waitFor();
    await assertAccessible(page, 'registration done');

    // Registering the same phone again: no code came (the text tells its owner to log in), so any
    // code typed is refused beside the code field, exactly as a wrong one: the form reveals nothing.
    const again = new RegisterPage(await context.newPage());
    await again.open();
    await again.fill({
      name: '李志愿',
      idNumber: uniquePerson().idNumber,
      phone: person.phone,
      password: 'volunteer-pass-1',
      regionPath: ['500000', '500103'],
    });
    await again.input('verificationCode').fill('000000');
    await again.submit();
    await again.fieldError('verificationCode').getByText('验证码不正确或已过期').waitFor();
    assert.equal(await again.fieldError('phone').count(), 0);
    await assertAccessible(again.page, 'registration with a refused code');
    await again.page.close();

    const login = new LoginPage(page);
    await login.open();
    await assertAccessibleInEveryMode(page, 'login', () => login.settled());
    await login.logIn(person.phone, 'volunteer-pass-1');
    const me = new MePage(page);
    await me.waitUntilShown();
    assert.equal((await me.volunteerCode().textContent())?.trim(), code);
    const shownId = (await me.idNumber().textContent())?.trim() ?? '';
    assert.notEqual(shownId, person.idNumber);
    assert.match(shownId, /^5\*{16}[\dX]$/);
    const shownPhone = (await me.phone().textContent())?.trim() ?? '';
    assert.notEqual(shownPhone, person.phone);
    assert.match(shownPhone, /\*/);
    assert.equal((await me.hours().textContent())?.trim(), '0.0');
    await assertAccessibleInEveryMode(page, 'me', () => me.settled());

    // The volunteer code works as a login too.
    await page.getByRole('button', { name: /退出登录|Log out/ }).click();
    await login.open();
    await login.logIn(code, 'volunteer-pass-1');
    await me.waitUntilShown();

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refuses a wrong password with a message', async () => {
    const context = await newContext(fx.browser, fx.server.url, { lang: 'en' });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.open();
    await login.logIn('nobody-here', 'wrong-password');
    await login.error().waitFor();
    assert.match((await login.error().textContent()) ?? '', /Wrong account or password/);
    await assertAccessible(page, 'login with error (en)');
    await context.close();
  });

  it('resets a forgotten password with a code by SMS, by keyboard, and logs in with the new one', async () => {
    const person = { name: '钱忘记', ...uniquePerson(), password: 'old-password-1', regionCode: '500103' };
    await registerVolunteerByApi(fx.server.url, person);
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await page.getByTestId('forgot-password').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '找回密码' }).waitFor();
    await assertAccessibleInEveryMode(page, 'password reset', () => login.settled());
    await page.locator('[name="phone"]').fill(person.phone);
    await page.getByTestId('send-code').focus();
    await page.keyboard.press('Enter');
    await page.getByText(/验证码已发送至/).waitFor();
    await page.locator('[name="verificationCode"]').fill(fx.server.sms.lastCode(person.phone) ?? '');
    await page.locator('[name="newPassword"]').fill('new-password-2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '密码已重设' }).waitFor();
    await assertAccessible(page, 'password reset done');
    await login.open();
    await login.logIn(person.phone, 'new-password-2');
    await new MePage(page).waitUntilShown();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
