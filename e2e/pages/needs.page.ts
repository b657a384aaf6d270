import type { Page } from 'playwright-core';
import { motionDone } from '../support/motion.js';
import { AppShell } from './app-shell.page.js';

export interface NeedDetails {
  type: string;
  text: string;
  regionPath: string[];
  address: string;
  wantedAt: string;
  phone: string;
}

/** The residents' needs: post one, my needs, a need's page (timeline, rate, take, complete), the board. */
export class NeedsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  override async settled(): Promise<void> {
    await super.settled();
    await motionDone(this.page);
  }

  input(name: string) {
    return this.page.locator(`[name="${name}"]`).first();
  }

  /** From the header's "my needs" link to the form. */
  async openPostForm(): Promise<void> {
    await this.page.getByTestId('needs-link').click();
    await this.page.waitForURL(/\/needs$/);
    await this.page.getByTestId('post-need').click();
    await this.page.waitForURL(/\/needs\/new$/);
    await this.input('type').locator('option').nth(1).waitFor({ state: 'attached' });
    await this.page.getByTestId('region-level-0').locator('option').nth(1).waitFor({ state: 'attached' });
    await this.settled();
  }

  async fill(v: NeedDetails): Promise<void> {
    await this.input('type').selectOption(v.type);
    await this.input('text').fill(v.text);
    for (const [i, code] of v.regionPath.entries()) {
      const select = this.page.getByTestId(`region-level-${i}`);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
    await this.input('address').fill(v.address);
    await this.input('wantedAt').fill(v.wantedAt);
    await this.input('contactPhone').fill(v.phone);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('need-submit').click();
  }

  fieldErrors() {
    return this.page.locator('.field-error');
  }

  /** A need's page, waiting for its timeline. */
  async openNeed(id: string): Promise<void> {
    await this.goto(`/needs/${id}`);
    await this.timeline().waitFor();
    await this.settled();
  }

  status() {
    return this.page.locator('dd[data-testid="need-status"]');
  }

  contact() {
    return this.page.getByTestId('need-contact');
  }

  timeline() {
    return this.page.getByTestId('need-timeline');
  }

  /** The timeline's steps by their kind (a review by its decision). */
  async eventKinds(): Promise<string[]> {
    return this.page.getByTestId('need-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  }

  /** Waits for the status to read `text` (after a step). */
  async waitForStatus(text: RegExp): Promise<void> {
    await this.page.locator('dd[data-testid="need-status"]', { hasText: text }).waitFor();
    await this.settled();
  }

  cards() {
    return this.page.getByTestId('need-card');
  }

  /** Picks photos in the completion form and waits until each is uploaded and its thumbnail shown. */
  async attachPhotos(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    const before = await this.photoPreviews().count();
    await this.page.getByTestId('need-photo-input').setInputFiles(files);
    await this.photoPreviews()
      .nth(before + files.length - 1)
      .waitFor();
    await this.imagesLoaded('need-photo-preview');
  }

  photoPreviews() {
    return this.page.getByTestId('need-photo-preview');
  }

  /** The photos on a need's page (thumbnails linking to the full photo). */
  photos() {
    return this.page.getByTestId('need-photo');
  }

  /** Waits until every image with the test id has loaded and has pixels (a thumbnail served by the API). */
  async imagesLoaded(testId: 'need-photo' | 'need-photo-preview'): Promise<void> {
    await this.page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="${testId}"]')].every((i) => i.complete && i.naturalWidth > 0)`,
    );
    await this.settled();
  }
}

/** The needs board in a console (/admin/needs, /site/needs). */
export class NeedsBoardPage extends NeedsPage {
  async open(path: '/admin/needs' | '/site/needs'): Promise<void> {
    await this.goto(path);
    await this.page.locator('h1', { hasText: /需求看板|Needs board/ }).waitFor();
    await this.settled();
  }

  rows() {
    return this.page.locator('tr[data-testid="board-need"]');
  }

  /** Opens the row of the need that says `text`. */
  async openRow(text: string): Promise<void> {
    await this.rows().filter({ hasText: text }).getByTestId('board-open').click();
    await this.page.getByTestId('need-panel').locator('dl').waitFor();
    await this.settled();
  }

  panel() {
    return this.page.getByTestId('need-panel');
  }

  /** Picks a team by typing a part of its name in the dispatch select. */
  async pickTeam(name: string): Promise<void> {
    const select = this.panel().getByTestId('need-dispatch-team').locator('input');
    await select.click();
    await select.fill(name);
    await this.page.locator('.ant-select-item-option', { hasText: name }).first().click();
  }
}
