import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

export class LoginPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/login');
    await this.page.locator('input[name="login"]').waitFor();
  }

  async logIn(login: string, password: string): Promise<void> {
    await this.page.locator('input[name="login"]').fill(login);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('form button[type="submit"]').click();
  }

  error() {
    return this.page.locator('#login-error');
  }
}
