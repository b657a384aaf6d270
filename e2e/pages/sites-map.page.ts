import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

export class SitesMapPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/sites');
    // With a tile server the plain map is only the fallback while Leaflet's chunk loads, shown for
    // moments or not at all: wait for whichever map the page settles on.
    await this.page.locator('svg.sites-map, [data-testid="tile-map"]').first().waitFor();
    await this.settled();
  }

  markers() {
    return this.page.locator('svg.sites-map .marker');
  }

  listItems() {
    return this.page.locator('.site-list .site-item');
  }

  async nearMe(radiusKm: number): Promise<void> {
    await this.page.getByRole('button', { name: /我附近的阵地|Sites near me/ }).click();
    await this.page.getByLabel(/^(范围|Within)$/).selectOption(String(radiusKm));
    await this.settled();
  }

  async filterType(type: string): Promise<void> {
    await this.page.getByTestId('site-type-filter').selectOption(type);
    await this.settled();
  }
}

/** The sites map drawn on raster tiles (Leaflet), when the server names a tile server. */
export class TileMapView {
  constructor(readonly page: Page) {}

  container() {
    return this.page.getByTestId('tile-map');
  }

  /** Markers are buttons named by the site. */
  markers() {
    return this.page.locator('[data-testid="tile-map"] .site-marker[role="button"]');
  }

  loadedTiles() {
    return this.page.locator('[data-testid="tile-map"] img.leaflet-tile-loaded');
  }

  failedNotice() {
    return this.page.getByTestId('tiles-failed');
  }
}
