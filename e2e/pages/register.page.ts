import type { Page } from 'playwright-core';
import type { SmsInbox } from '../../test/sms.js';
import { AppShell } from './app-shell.page.js';

export interface VolunteerDetails {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
  /** Region codes from the top down, e.g. ['500000', '500103']. */
  regionPath: string[];
  skills?: string;
  fields?: string[];
}

export class RegisterPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/register');
    await this.page.getByTestId('region-level-0').locator('option').nth(1).waitFor({ state: 'attached' });
  }

  input(name: string) {
    return this.page.locator(`[name="${name}"]`).first();
  }

  async chooseRegion(path: readonly string[]): Promise<void> {
    for (const [i, code] of path.entries()) {
      const select = this.page.getByTestId(`region-level-${i}`);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
  }

  /**
   * Fills the form; with the server's SMS inbox, also asks for the code and types it (a phone
   * that got no code, being registered already, types one it guessed).
   */
  async fill(v: VolunteerDetails, sms?: SmsInbox): Promise<void> {
    await this.input('name').fill(v.name);
    await this.input('idNumber').fill(v.idNumber);
    await this.input('phone').fill(v.phone);
    if (sms) await this.typeCode(v.phone, sms);
    await this.input('password').fill(v.password);
    await this.chooseRegion(v.regionPath);
    if (v.skills) await this.input('skills').fill(v.skills);
    for (const f of v.fields ?? []) await this.page.locator(`input[name="fields"][value="${f}"]`).check();
  }

  /** Presses "send code" and types what the SMS said, once the page says it was sent. */
  async typeCode(phone: string, sms: SmsInbox): Promise<void> {
    await this.page.getByTestId('send-code').click();
    await this.page.getByText(/验证码已发送至|Code sent to/).waitFor();
    await this.input('verificationCode').fill(sms.lastCode(phone) ?? '000000');
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('register-form').locator('button[type="submit"]').click();
  }

  /** The error shown next to a field (by the input's name). */
  fieldError(name: string) {
    return this.page.locator(`.form-row:has([name="${name}"]) .field-error`);
  }

  newVolunteerCode() {
    return this.page.getByTestId('new-volunteer-code').locator('strong');
  }
}
