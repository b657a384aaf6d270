import type { Page } from 'playwright-core';
import { AdminPage } from './admin.page.js';

/** Point rules and adjustments in the administration console. */
export class PointRulesPage extends AdminPage {
  constructor(page: Page) {
    super(page);
  }

  async openRules(): Promise<void> {
    await this.goto('/admin/point-rules');
    await this.page.locator('#rules-title').waitFor();
    await this.settled();
  }

  async openAdjustments(): Promise<void> {
    await this.goto('/admin/point-adjustments');
    await this.page.locator('#adjust-title').waitFor();
    await this.settled();
  }

  /** Picks the volunteer to adjust through the page's search (name, volunteer code or phone). */
  async chooseVolunteer(search: string, name: string): Promise<void> {
    await this.searchVolunteers(search);
    await this.volunteerRows()
      .filter({ hasText: name })
      .first()
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await this.page.getByTestId('adjust-balance').waitFor();
  }

  /** A rule for a region (walked down the cascader) at so many points an hour. */
  async createRegionRule(regionNames: string[], pointsPerHour: number): Promise<void> {
    await this.pickRegion('rule_region', regionNames);
    await this.page.locator('#rule_pointsPerHour').fill(String(pointsPerHour));
    await this.page.getByTestId('rule-submit').click();
    await this.successNotice().waitFor();
  }

  rulesTable() {
    return this.page.getByTestId('rules-table');
  }
}
