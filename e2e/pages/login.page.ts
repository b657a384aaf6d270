import type { BrowserContext, Page } from 'playwright-core';
import { newContext, watchErrors } from '../support/browser.js';
import type { Fixture } from '../support/fixture.js';
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

/** A browser context of its own, logged in through the form (by default as a demo account). */
export async function loggedIn(
  fx: Fixture,
  login: string,
  password = 'shanmei-demo',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(fx.browser, fx.server.url);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const form = new LoginPage(page);
  await form.open();
  await form.logIn(login, password);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return { context, page, errors };
}
