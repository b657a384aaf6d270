import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** The volunteer's points pages: statement and redemptions. */
export class PointsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async openStatement(): Promise<void> {
    await this.goto('/me/points');
    await this.page.getByTestId('points-balance').waitFor();
    await this.settled();
  }

  async openRedemptions(): Promise<void> {
    await this.goto('/me/redemptions');
    await this.page.locator('main h1').waitFor();
    await this.settled();
  }

  async balance(): Promise<number> {
    return Number((await this.page.getByTestId('points-balance').textContent())?.trim());
  }

  statementItems() {
    return this.page.getByTestId('statement-item');
  }

  redemptionItems() {
    return this.page.getByTestId('redemption-item');
  }
}
