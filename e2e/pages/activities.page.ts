import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** Activities near me / by field, and one activity with its shifts. */
export class ActivitiesPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/activities');
    await this.page.locator('main h1').waitFor();
    await this.settled();
  }

  cards() {
    return this.page.getByTestId('activity-card');
  }

  async filterByField(label: string): Promise<void> {
    await this.page.getByTestId('field-filter').selectOption({ label });
    await this.settled();
  }

  /** Asks for the activities near the browser's position (nearest first, with the distance). */
  async nearMe(): Promise<void> {
    await this.page.getByRole('button', { name: /我附近的活动|Near me/ }).click();
    await this.page.getByRole('button', { name: /不限距离|Any distance/ }).waitFor();
    await this.settled();
  }

  async openActivity(title: string): Promise<void> {
    await this.cards().filter({ hasText: title }).getByRole('link', { name: title }).click();
    await this.page.locator('#activity-title').waitFor();
    await this.settled();
  }

  shifts() {
    return this.page.getByTestId('shift-row');
  }

  signUpButton() {
    return this.page.getByTestId('signup-button');
  }

  myStatus() {
    return this.page.getByTestId('my-signup-status');
  }
}
