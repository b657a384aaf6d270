import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** /me/tokens: an admin's or organiser's API tokens. */
export class ApiTokensPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/me\/tokens$/);
    await this.page.locator('h1').waitFor();
  }

  /** The list has loaded (its table, or the line saying there is none). */
  async listed(): Promise<void> {
    await this.page.locator('[data-testid="token-table"], [data-testid="token-none"]').first().waitFor();
  }

  nameInput() {
    return this.page.locator('input[name="tokenName"]');
  }

  scope(value: 'read' | 'full') {
    return this.page.locator(`input[name="tokenScope"][value="${value}"]`);
  }

  daysInput() {
    return this.page.locator('input[name="tokenDays"]');
  }

  fieldError(name: 'tokenName' | 'tokenDays') {
    return this.page.locator(`.form-row.has-error:has(input[name="${name}"]) .field-error`);
  }

  newTokenHeading() {
    return this.page.locator('#new-token-title');
  }

  secret() {
    return this.page.getByTestId('new-token-secret');
  }

  copyButton() {
    return this.page.getByTestId('copy-token');
  }

  rows() {
    return this.page.getByTestId('token-row');
  }

  revokeButton(name: string) {
    return this.page.getByRole('button', { name: new RegExp(name) });
  }

  status() {
    return this.page.getByTestId('token-status');
  }
}
