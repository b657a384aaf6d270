import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { LoginPage } from './pages/login.page.js';
import { MePage } from './pages/me.page.js';
import { NotificationSettingsPage, ProfilePage } from './pages/profile.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors, type ContextOptions } from './support/browser.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';

const PHONE = { width: 390, height: 844 };

/** A volunteer registered through the API and logged in through the form, on Me. */
async function newVolunteerOnMe(fx: Fixture, name: string, opts: ContextOptions = {}) {
  const person = { name, password: 'profile-pass-1', ...uniquePerson() };
  const made = await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
  const context = await newContext(fx.browser, fx.server.url, opts);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(person.phone, person.password);
  const me = new MePage(page);
  await me.waitUntilShown();
  return { person, made, context, page, errors, me };
}

describe('volunteer: my profile, notification channels and my data', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it('edits the profile by keyboard on a phone, sets an e-mail with e-mail notices on, and downloads the data', async () => {
    const { person, made, context, page, errors, me } = await newVolunteerOnMe(fx, '周资料', PHONE);
    const someoneElse = uniquePerson();
    await registerVolunteerByApi(fx.server.url, {
      name: '吴旁人',
      password: 'profile-pass-2',
      regionCode: '500103',
      ...someoneElse,
    });

    await me.qualificationsHeading().waitFor();
    assert.match((await me.region().textContent()) ?? '', /重庆市 \/ 渝中区/);
    await assertAccessibleInEveryMode(page, 'me hub (phone)', () => me.settled());

    // To the profile form by keyboard.
    await me.editProfileLink().focus();
    await page.keyboard.press('Enter');
    const profile = new ProfilePage(page);
    await profile.waitUntilShown();
    assert.equal(await profile.regionLevel(1).inputValue(), '500103', 'the picker opens at the stored region');
    await assertAccessibleInEveryMode(page, 'profile form (phone)', () => profile.settled());

    // Skills as tags, a field and a weekly slot, all from the keyboard.
    await profile.addSkillByKeyboard('急救');
    await profile.addSkillByKeyboard('手语');
    assert.deepEqual(await profile.skillTags().allTextContents(), ['急救', '手语']);
    await profile.field('ecology').focus();
    await page.keyboard.press('Space');
    await profile.field('elderly').focus();
    await page.keyboard.press('Space');
    await profile.addSlotButton().focus();
    await page.keyboard.press('Enter');
    // The new slot takes the focus on its day.
    await page.waitForFunction('document.activeElement?.getAttribute("name") === "availability.0.day"');
    await profile.slotInput(0, 'day').selectOption('6');
    await profile.slotInput(0, 'from').fill('11:30');
    await profile.slotInput(0, 'to').fill('09:30');
    await profile.chooseRegion(['500000', '500106']);

    // The browser refuses a slot that ends before it starts, beside the slot, and sends nothing.
    await profile.saveButton().focus();
    await page.keyboard.press('Enter');
    await profile.slotError(0).waitFor();
    await assertAccessible(page, 'profile form with a slot error (phone)');
    await profile.slotInput(0, 'from').fill('09:30');
    await profile.slotInput(0, 'to').fill('11:30');

    // A phone another volunteer holds gets no code (its owner is told by SMS); whatever code is
    // typed is refused beside the code field, as a wrong one would be.
    await profile.input('phone').fill(someoneElse.phone);
    // A new phone is a new login: the form asks for the current password and a code first.
    await profile.saveButton().focus();
    await page.keyboard.press('Enter');
    await profile.fieldError('currentPassword').waitFor();
    await profile.fieldError('verificationCode').waitFor();
    await page.getByTestId('send-code').focus();
    await page.keyboard.press('Enter');
    await page.getByText(/验证码已发送至/).waitFor();
    assert.equal(fx.server.sms.lastCode(someoneElse.phone), null);
    await profile.input('verificationCode').fill('000000');
    await profile.input('currentPassword').fill('wrong-password');
    await profile.saveButton().focus();
    await page.keyboard.press('Enter');
    await profile.fieldError('currentPassword').getByText('当前密码不正确').waitFor();
    await profile.input('currentPassword').fill(person.password);
    await profile.saveButton().focus();
    await page.keyboard.press('Enter');
    await profile.fieldError('verificationCode').getByText('验证码不正确或已过期').waitFor();
    await assertAccessible(page, 'profile form with a server refusal (phone)');
    await profile.input('phone').fill('');
    await profile.input('phone').press('Enter');
    await profile.saved().waitFor();

    // After a reload everything is as saved, on the form and on Me.
    await page.reload();
    await profile.waitUntilShown();
    assert.deepEqual(await profile.skillTags().allTextContents(), ['急救', '手语']);
    assert.equal(await profile.field('ecology').isChecked(), true);
    assert.equal(await profile.field('elderly').isChecked(), true);
    assert.equal(await profile.slots().count(), 1);
    assert.equal(await profile.slotInput(0, 'day').inputValue(), '6');
    assert.equal(await profile.slotInput(0, 'from').inputValue(), '09:30');
    assert.equal(await profile.slotInput(0, 'to').inputValue(), '11:30');
    assert.equal(await profile.regionLevel(1).inputValue(), '500106');
    await me.goto('/me');
    await me.waitUntilShown();
    await page.waitForFunction('/沙坪坝区/.test(document.querySelector("[data-testid=me-region]")?.textContent ?? "")');
    assert.equal((await me.skills().textContent())?.trim(), '急救、手语');
    assert.match((await me.availability().textContent()) ?? '', /星期六 09:30–11:30/);

    // An e-mail address, and e-mail notices off and on again; the server keeps each choice.
    await me.notificationSettingsLink().click();
    const settings = new NotificationSettingsPage(page);
    await settings.waitUntilShown();
    await assertAccessibleInEveryMode(page, 'notification settings (phone)', () => settings.settled());
    await settings.emailInput().fill('not-an-address');
    await settings.saveEmailButton().click();
    await page.locator('.form-row:has([name="email"]) .field-error').waitFor();
    await settings.emailInput().fill('zhou.ziliao@example.org');
    await settings.emailInput().press('Enter');
    await page.waitForFunction(
      '/zh\\*\\*\\*@example\\.org/.test(document.querySelector("[data-testid=email-current]")?.textContent ?? "")',
    );
    await settings.emailChannel().uncheck();
    await settings.saveChannelsButton().click();
    await settings.channelsSaved().waitFor();
    await page.reload();
    await settings.waitUntilShown();
    assert.equal(await settings.emailChannel().isChecked(), false);
    await settings.emailChannel().focus();
    await page.keyboard.press('Space');
    await settings.saveChannelsButton().focus();
    await page.keyboard.press('Enter');
    await settings.channelsSaved().waitFor();
    await page.reload();
    await settings.waitUntilShown();
    assert.equal(await settings.emailChannel().isChecked(), true);
    assert.match((await settings.currentEmail().textContent()) ?? '', /zh\*\*\*@example\.org/);

    // Download my data: one JSON file with the volunteer's own code, ID number and choices.
    await me.goto('/me');
    await me.waitUntilShown();
    await me.exportButton().focus();
    await page.keyboard.press('Enter');
    // The file holds the ID number and phone in full: the password is asked again first.
    await page.locator('input[name="confirmPassword"]').waitFor();
    const downloading = page.waitForEvent('download');
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');
    const download = await downloading;
    assert.match(
      download.suggestedFilename(),
      new RegExp(`^shanmei-my-data-${made.volunteerCode}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      volunteer: { volunteerCode: string; idNumber: string; email: string; skills: string[]; regionCode: string };
      notificationPrefs: { email: boolean };
    };
    assert.equal(doc.volunteer.volunteerCode, made.volunteerCode);
    assert.equal(doc.volunteer.idNumber, person.idNumber);
    assert.equal(doc.volunteer.email, 'zhou.ziliao@example.org');
    assert.deepEqual(doc.volunteer.skills, ['急救', '手语']);
    assert.equal(doc.volunteer.regionCode, '500106');
    assert.equal(doc.notificationPrefs.email, true);
    await page.getByText(/已开始下载/).waitFor();
    await assertAccessible(page, 'me after the download (phone)');

    // The only console errors are the browser reporting the refusals it was meant to get: the
    // wrong current password (422) and the phone another volunteer holds (409).
    assert.deepEqual(
      errors.filter((e) => !/status of (409|422)/.test(e)),
      [],
    );
    await context.close();
  });

  it('keeps the three volunteer pages accessible at desktop width in English', async () => {
    const { context, page, errors, me } = await newVolunteerOnMe(fx, '郑桌面', { lang: 'en' });
    await me.settled();
    await assertAccessible(page, 'me hub (en, desktop)');
    const profile = new ProfilePage(page);
    await profile.open();
    await profile.addSlotButton().click();
    await profile.settled();
    await assertAccessible(page, 'profile form with a slot (en, desktop)');
    const settings = new NotificationSettingsPage(page);
    await settings.open();
    await settings.settled();
    await assertAccessible(page, 'notification settings (en, desktop)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('changes the password, then closes the account by keyboard: no way back in', async () => {
    const { person, context, page, errors } = await newVolunteerOnMe(fx, '冯注销');
    const profile = new ProfilePage(page);
    await profile.open();
    // A new password with the current one.
    await page.locator('[name="passwordCurrent"]').fill(person.password);
    await page.locator('[name="passwordNew"]').fill('changed-pass-2');
    await page.locator('[name="passwordNew"]').press('Enter');
    await page.getByText('密码已修改').waitFor();
    // Closing asks for the password and an explicit yes; then the person is gone.
    await page.getByRole('button', { name: '永久注销账号' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('请勾选确认').waitFor();
    await assertAccessibleInEveryMode(page, 'profile with the close-account refusal', () => profile.settled());
    await page.locator('[name="closePassword"]').fill('changed-pass-2');
    await page.locator('[name="closeSure"]').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: '永久注销账号' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('您的账号已注销。').waitFor();
    await assertAccessible(page, 'portal after closing');
    const login = new LoginPage(page);
    await login.open();
    await login.logIn(person.phone, 'changed-pass-2');
    await login.error().waitFor();
    assert.deepEqual(
      errors.filter((e) => !/status of 401/.test(e)),
      [],
    );
    await context.close();
  });
});
