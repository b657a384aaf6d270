import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** Scan to check in, with the 6-digit fallback form. */
export class CheckinPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/checkin');
    await this.page.locator('main h1').waitFor();
    await this.settled();
  }

  async typeCode(kind: 'in' | 'out', digits: string): Promise<void> {
    await this.page.locator(`input[name="kind"][value="${kind}"]`).check();
    await this.page.locator('input[name="code"]').fill(digits);
    await this.page.locator('form button[type="submit"]').click();
  }

  result() {
    return this.page.getByTestId('scan-result');
  }

  error() {
    return this.page.getByTestId('scan-error');
  }
}
