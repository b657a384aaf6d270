import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';
import { motionDone } from '../support/motion.js';

export interface NewOrganisation {
  name: string;
  kindLabel: string;
  levelLabel: string;
  regionNames: string[];
}

export interface NewSite {
  name: string;
  typeLabel: string;
  regionNames: string[];
  address: string;
  lat: number;
  lng: number;
}

/** The administration console; its widgets are Ant Design's. */
export class AdminPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(section: 'regions' | 'organisations' | 'sites' | 'volunteers' | 'roles'): Promise<void> {
    await this.goto(`/admin/${section}`);
    await this.page.locator('.admin-content h1').waitFor();
    await this.settled();
  }

  /** Opens an antd Select by its input id and picks the option with this label. */
  async pick(id: string, label: string): Promise<void> {
    await this.page.locator(`#${id}`).click();
    const option = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: label,
    });
    await option.first().click();
    await this.popupsClosed();
  }

  /** Waits until no Ant Design pop-up is open or still fading out. */
  async popupsClosed(): Promise<void> {
    await this.page.waitForFunction(
      `[...document.querySelectorAll('.ant-select-dropdown, .ant-cascader-dropdown, .ant-popover')].every((e) => getComputedStyle(e).display === 'none' || e.classList.contains('ant-select-dropdown-hidden') || e.classList.contains('ant-cascader-dropdown-hidden') || e.classList.contains('ant-popover-hidden'))`,
    );
  }

  /** Walks an antd Cascader (by input id) down the named regions, then closes it. */
  async pickRegion(id: string, names: readonly string[]): Promise<void> {
    await this.page.locator(`#${id}`).click();
    for (const [i, name] of names.entries()) {
      const item = this.page.locator('.ant-cascader-menu').nth(i).locator('.ant-cascader-menu-item', { hasText: name });
      await item.first().click();
    }
    await this.page.keyboard.press('Escape');
    await this.popupsClosed();
  }

  async createOrganisation(o: NewOrganisation): Promise<void> {
    await this.page.locator('#name').fill(o.name);
    await this.pick('kind', o.kindLabel);
    await this.pick('level', o.levelLabel);
    await this.pickRegion('region', o.regionNames);
    await this.page.locator('form[aria-label] button[type="submit"]').click();
  }

  async createSite(s: NewSite): Promise<void> {
    await this.page.locator('#name').fill(s.name);
    await this.pick('type', s.typeLabel);
    await this.pickRegion('region', s.regionNames);
    await this.page.locator('#address').fill(s.address);
    await this.page.locator('#lat').fill(String(s.lat));
    await this.page.locator('#lng').fill(String(s.lng));
    await this.page.locator('form[aria-label] button[type="submit"]').click();
  }

  /** Searches organisations by name (the filter above the table). */
  async searchOrganisations(text: string): Promise<void> {
    const box = this.page.locator('.filter-bar input.ant-input');
    await box.fill(text);
    await box.press('Enter');
    await this.settled();
  }

  /** Opens an antd Select by its visible label and picks the option with this text. */
  async pickByLabel(label: string | RegExp, option: string): Promise<void> {
    await this.page
      .getByLabel(label, { exact: typeof label === 'string' })
      .first()
      .click();
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
      .first()
      .click();
    await this.popupsClosed();
    await this.settled();
  }

  /** The "shown so far, load more" button under a cursor list. */
  loadMore() {
    return this.page.locator('button.load-more');
  }

  /** Searches the volunteer list (registry or adjustment picker) by name, volunteer code or phone, by keyboard. */
  async searchVolunteers(text: string): Promise<void> {
    const box = this.page.getByRole('form', { name: /查找志愿者|Find volunteers/ }).getByRole('textbox');
    await box.fill(text);
    await box.press('Enter');
    await this.settled();
  }

  volunteerRows() {
    return this.page.getByTestId('volunteer-table').locator('tr.ant-table-row');
  }

  drawer() {
    return this.page.locator('.ant-drawer-section');
  }

  /** Waits until the drawer has slid in (or out) and faded: mid-motion colours fail contrast checks. */
  async motionDone(): Promise<void> {
    await this.settled();
    await motionDone(this.page);
  }

  successNotice() {
    return this.page.locator('.ant-alert-success');
  }

  tableRows() {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  treeNodes() {
    return this.page.locator('.ant-tree-treenode:not([aria-hidden="true"])');
  }
}
