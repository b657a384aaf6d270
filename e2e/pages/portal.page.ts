import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

export class PortalPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/');
    await this.page.locator('#hero-title').waitFor();
    await this.settled();
  }

  fieldCards() {
    return this.page.locator('.field-card');
  }

  siteCards() {
    return this.page.locator('section[aria-labelledby="sites-title"] .card');
  }
}
