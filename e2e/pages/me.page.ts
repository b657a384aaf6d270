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

  /**
   * Sets the counter PIN by keyboard only: Tab to the PIN field, type it, Tab to the repeat
   * field, type it again, Enter; waits for the saved notice.
   */
  async setCounterPinByKeyboard(pin: string): Promise<void> {
    const form = this.page.getByTestId('counter-pin-form');
    await form.waitFor();
    for (let i = 0; ; i++) {
      if (i === 80) throw new Error('Tab never reached the counter PIN field');
      await this.page.keyboard.press('Tab');
      if ((await this.page.evaluate(`document.activeElement?.getAttribute('name')`)) === 'counterPin') break;
    }
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
    await form.getByRole('status').locator('.notice').waitFor();
  }
}
