import type { Page } from 'playwright-core';
import type { HonourLevel } from '../../src/common/enums.js';
import { AppShell } from './app-shell.page.js';

export type ScreenFigureKey =
  | 'volunteers'
  | 'activeVolunteers'
  | 'teams'
  | 'sites'
  | 'sessions'
  | 'participations'
  | 'peopleServed'
  | 'hours'
  | 'pointsIssued'
  | 'pointsRedeemed';

/** The big screen (数据大屏): `/screen` (the city and its map) and `/screen/:regionCode` (a district). */
export class ScreenPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(path = '/screen'): Promise<void> {
    await this.goto(path);
    await this.ready();
  }

  /** Waits for the figures, the city's map (or a district's streets) and the side panels. */
  async ready(): Promise<void> {
    await this.figure('volunteers').waitFor();
    const district = /^\/screen\/./.test(new URL(this.page.url()).pathname);
    if (district) await this.streets().first().waitFor();
    else await this.map().locator('canvas').first().waitFor();
    await this.page.getByTestId('screen-today-total').waitFor();
    await this.page.getByTestId('screen-honours').waitFor();
    await this.page.getByTestId('screen-plans-panel').locator('.screen-ranking, .screen-empty').first().waitFor();
    await this.settled();
  }

  /** The title, in the screen's own header (it names the region shown). */
  override heading() {
    return this.page.locator('.screen-header h1');
  }

  figure(key: ScreenFigureKey) {
    return this.page.getByTestId(`screen-figure-${key}`).locator('.screen-figure-value');
  }

  map() {
    return this.page.getByTestId('screen-map-chart');
  }

  /** Clicks the middle of the map's drawing, where a district always lies. */
  async clickMapCentre(): Promise<void> {
    const box = await this.map().locator('.screen-chart-canvas').boundingBox();
    if (!box) throw new Error('the map is not drawn');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Row headers of the map's visually hidden table: one per district. */
  mapTableRows() {
    return this.map().locator('tbody th[scope="row"]');
  }

  /** The districts ranked beside the map, each a link to its own screen. */
  regionLink(name: string) {
    return this.page.getByTestId('screen-region-list').getByRole('link', { name, exact: true });
  }

  streets() {
    return this.page.getByTestId('screen-street-list').locator('li');
  }

  projects() {
    return this.page.getByTestId('screen-projects').locator('.screen-rank-name');
  }

  recentCheckIns() {
    return this.page.getByTestId('screen-today-recent').locator('li');
  }

  /** The departments listed in the plan panel (专项行动进度), most key tasks first. */
  planNames() {
    return this.page.getByTestId('screen-plans').locator('.screen-rank-name');
  }

  planValues() {
    return this.page.getByTestId('screen-plans').locator('.screen-rank-value');
  }

  /** What the plan panel covers: the city and the year. */
  planScope() {
    return this.page.getByTestId('screen-plans-panel').locator('.screen-panel-note');
  }

  honours(level: HonourLevel) {
    return this.page.getByTestId(`screen-honours-${level}`);
  }

  back() {
    return this.page.getByTestId('screen-back');
  }

  /** How far the page reaches past the window, in CSS pixels (0 and 0 when it fits). */
  async overflow(): Promise<{ x: number; y: number }> {
    return (await this.page.evaluate(
      '({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight })',
    )) as { x: number; y: number };
  }
}
