import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LoginPage } from './pages/login.page.js';
import { MePage } from './pages/me.page.js';
import { RegisterPage } from './pages/register.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { registerVolunteerByApi } from './support/api-setup.js';
import { newContext, watchErrors } from './support/browser.js';
import { openFixture, personAged, uniquePerson, type Fixture } from './support/fixture.js';

/** Minors register with their guardian's consent (under 14), or add it before they serve (14–17). */
describe("minors and their guardian's consent", () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture();
  });
  after(async () => {
    await fx?.close();
  });

  it("registers a 12-year-old only with the guardian's name, relation and the code sent to the guardian", async () => {
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const reg = new RegisterPage(page);
    await reg.open();
    const child = personAged(12);
    await reg.fill(
      { name: '王小明', ...child, password: 'child-pass-1', regionPath: ['500000', '500103'] },
      fx.server.sms,
    );
    // The ID tells the age: the guardian's section appears, required.
    const section = page.getByTestId('guardian-fields');
    await section.getByText('未满 14 周岁的志愿者，须经监护人同意才能注册').waitFor();
    await reg.submit();
    for (const f of ['guardianName', 'guardianPhone', 'guardianCode']) await reg.fieldError(f).waitFor();
    await assertAccessibleInEveryMode(page, 'registration of a child', () => reg.settled());

    const guardianPhone = uniquePerson().phone;
    await reg.input('guardianName').fill('王监护');
    await reg.input('guardianRelation').selectOption('father');
    await reg.input('guardianPhone').fill(guardianPhone);
    await page.getByTestId('send-code-guardianCode').click();
    await section.getByText('验证码已发送至监护人手机').waitFor();
    assert.match(fx.server.sms.to(guardianPhone).at(-1) ?? '', /监护人同意/);
    await reg.input('guardianCode').fill(fx.server.sms.lastCode(guardianPhone) ?? '');
    await reg.submit();
    await reg.newVolunteerCode().waitFor();
    await assertAccessible(page, 'registration of a child done');

    const login = new LoginPage(page);
    await login.open();
    await login.logIn(child.phone, 'child-pass-1');
    const me = new MePage(page);
    await me.waitUntilShown();
    const summary = page.getByTestId('guardian-summary');
    await summary.getByText('王**（父亲）').waitFor();
    assert.equal(await page.getByTestId('guardian-form').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("lets a 16-year-old add the guardian's consent on the Me page, in English", async () => {
    const teen = { name: '李青', ...personAged(16), password: 'teen-pass-1', regionCode: '500103' };
    await registerVolunteerByApi(fx.server.url, teen);
    const context = await newContext(fx.browser, fx.server.url);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = new LoginPage(page);
    await login.open();
    await login.logIn(teen.phone, teen.password);
    const me = new MePage(page);
    await me.waitUntilShown();
    const form = page.getByTestId('guardian-form');
    await form.getByText('你还未满 18 周岁，参加活动前需要监护人同意。').waitFor();
    await assertAccessibleInEveryMode(page, 'me (minor pending a guardian)', () => me.settled());
    await page.getByTestId('language-switch').click();
    await form.getByText('You are under 18: a guardian must consent before you sign up.').waitFor();

    const guardianPhone = uniquePerson().phone;
    await form.locator('[name="guardianName"]').fill('李监护');
    await form.locator('[name="guardianRelation"]').selectOption('mother');
    await form.locator('[name="guardianPhone"]').fill(guardianPhone);
    await page.getByTestId('send-code-guardianCode').click();
    await form.getByText("Code sent to the guardian's phone").waitFor();
    await form.locator('[name="guardianCode"]').fill(fx.server.sms.lastCode(guardianPhone) ?? '');
    await form.locator('button[type="submit"]').click();
    await page.getByText('Your guardian has consented: you can sign up for shifts now.').waitFor();
    await page.getByTestId('guardian-summary').getByText('李**').waitFor();
    await form.waitFor({ state: 'detached' });
    await assertAccessible(page, 'me (minor with consent)');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
