import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

export class SitesMapPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/sites');
    await this.page.locator('svg.sites-map').waitFor();
    await this.settled();
  }

  markers() {
    return this.page.locator('svg.sites-map .marker');
  }

  listItems() {
    return this.page.locator('.site-list .site-item');
  }

  async filterType(type: string): Promise<void> {
    await this.page.getByTestId('site-type-filter').selectOption(type);
    await this.settled();
  }
}
