import type { Page } from 'playwright-core';
import { motionDone } from '../support/motion.js';
import { AppShell } from './app-shell.page.js';

/** The site manager's console at /site (Ant Design): my site's details and its calendar. */
export class SiteManagerPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** Also waits for the section links' colour transitions: half-way they fail contrast checks. */
  override async settled(): Promise<void> {
    await super.settled();
    await motionDone(this.page);
  }

  /** The console frame's side menu (the consoles' pages). */
  private menu() {
    return this.page.getByRole('navigation', { name: /控制台菜单|Console menu/ });
  }

  /** From the workbench (where the login lands): the menu's "site details" entry, then the details form. */
  async openFromMenu(): Promise<void> {
    await this.openSection('details');
    await this.title().waitFor();
    await this.settled();
  }

  async openSection(section: 'details' | 'calendar'): Promise<void> {
    await this.menu()
      .getByRole('menuitem', { name: section === 'details' ? /阵地信息|Site details/ : /阵地日程|Site calendar/ })
      .click();
    await this.page.waitForURL(new RegExp(`/site/${section}`));
    await this.settled();
  }

  title() {
    return this.page.getByTestId('site-manager-title');
  }

  openingHours() {
    return this.page.getByTestId('site-opening-hours');
  }

  saveStatus() {
    return this.page.getByTestId('site-save-status');
  }

  async setOpeningHours(text: string): Promise<void> {
    await this.openingHours().fill(text);
    await this.page.getByTestId('site-save').click();
  }

  range() {
    return this.page.getByTestId('calendar-range');
  }

  shifts() {
    return this.page.getByTestId('calendar-shift');
  }

  /** Presses "next week/month" `times` times, waiting for each window to load. */
  async next(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      const before = await this.range().textContent();
      await this.page.getByTestId('calendar-next').click();
      await this.page.waitForFunction(
        `document.querySelector('[data-testid="calendar-range"]')?.textContent !== ${JSON.stringify(before)}`,
      );
      await this.settled();
    }
  }

  async view(which: 'week' | 'month'): Promise<void> {
    // antd draws the radio input invisible: press its label, as a pointer would.
    const radio = this.page.getByRole('radio', { name: which === 'week' ? /^(按周|Week)$/ : /^(按月|Month)$/ });
    await this.page.locator('.site-calendar-bar label', { has: radio }).click();
    await this.page.waitForFunction(
      `document.querySelector('.site-calendar-bar input[value="${which}"]')?.checked === true`,
    );
    await this.settled();
  }

  /** With several sites: picks one in the site picker (an antd Select labelled 阵地/Site). */
  async pickSite(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(阵地|Site)$/ }).click();
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name })
      .first()
      .click();
    await this.settled();
  }
}
