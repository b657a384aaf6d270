import type { Page } from 'playwright-core';
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

  async fill(v: VolunteerDetails): Promise<void> {
    await this.input('name').fill(v.name);
    await this.input('idNumber').fill(v.idNumber);
    await this.input('phone').fill(v.phone);
    await this.input('password').fill(v.password);
    await this.chooseRegion(v.regionPath);
    if (v.skills) await this.input('skills').fill(v.skills);
    for (const f of v.fields ?? []) await this.page.locator(`input[name="fields"][value="${f}"]`).check();
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
