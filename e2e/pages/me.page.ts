import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

export class MePage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/me$/);
    await this.page.getByTestId('me-volunteer-code').waitFor();
  }

  idNumber() {
    return this.page.getByTestId('me-id-number');
  }

  phone() {
    return this.page.getByTestId('me-phone');
  }

  volunteerCode() {
    return this.page.getByTestId('me-volunteer-code');
  }

  hours() {
    return this.page.getByTestId('me-hours');
  }

  stars() {
    return this.page.getByTestId('me-stars');
  }

  /** The points balance shown among the service figures. */
  pointsBalance() {
    return this.page.locator('.stats .stat', { hasText: /可用积分|Points balance/ }).locator('.stat-value');
  }
}
