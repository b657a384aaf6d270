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

  /** The region as shown, its names from the top down (e.g. "重庆市 / 沙坪坝区"). */
  region() {
    return this.page.getByTestId('me-region');
  }

  skills() {
    return this.page.getByTestId('me-skills');
  }

  availability() {
    return this.page.getByTestId('me-availability');
  }

  editProfileLink() {
    return this.page.getByTestId('me-edit-profile');
  }

  notificationSettingsLink() {
    return this.page.getByTestId('me-notification-settings');
  }

  qualificationsHeading() {
    return this.page.locator('#me-qualifications');
  }

  exportButton() {
    return this.page.getByTestId('me-export');
  }
}
