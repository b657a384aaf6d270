import type { Page } from 'playwright-core';
import { AdminPage } from './admin.page.js';
import { PortalPage } from './portal.page.js';

export type FigureKey = 'volunteers' | 'teams' | 'sites' | 'hours' | 'sessions' | 'peopleServed';

/** The portal's headline city figures. */
export class PortalFiguresPage extends PortalPage {
  constructor(page: Page) {
    super(page);
  }

  figure(key: FigureKey) {
    return this.page.getByTestId(`figure-${key}`).locator('.stat-value');
  }

  async figuresShown(): Promise<void> {
    await this.figure('volunteers').waitFor();
  }
}

/** The statistics page of the administration console (filters, cards, ECharts charts). */
export class StatsPage extends AdminPage {
  constructor(page: Page) {
    super(page);
  }

  async openStatistics(): Promise<void> {
    await this.goto('/admin/statistics');
    await this.page.locator('.admin-content h1').waitFor();
    await this.chartsDrawn();
  }

  /** Waits until both charts have their canvas and nothing is loading. */
  async chartsDrawn(): Promise<void> {
    await this.chart('month').locator('canvas').first().waitFor();
    await this.chart('region').locator('canvas').first().waitFor();
    await this.settled();
  }

  chart(kind: 'month' | 'region') {
    return this.page.getByTestId(`stats-chart-${kind}`);
  }

  card(key: string) {
    return this.page.getByTestId(`stats-card-${key}`).locator('.stats-card-value');
  }

  scope() {
    return this.page.getByTestId('stats-scope');
  }

  /** Row headers of a chart's data table. */
  tableRowHeaders(kind: 'month' | 'region') {
    return this.chart(kind).locator('tbody th[scope="row"]');
  }
}
