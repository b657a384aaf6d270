import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** 导入导出 in the administration console. */
export class TransferPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/admin/data');
    await this.page.locator('.admin-content h1').waitFor();
    await this.settled();
  }

  templateHref(format: 'xlsx' | 'csv'): Promise<string | null> {
    return this.page.getByTestId(`template-${format}`).getAttribute('href');
  }

  /** Chooses a file and starts its import (the kind already picked). */
  async upload(name: string, bytes: Buffer): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
    await this.page.getByTestId('import-start').click();
  }

  /** Waits until the import followed has ended (done or failed) and the page is still. */
  async ended(): Promise<void> {
    await this.page.waitForFunction(
      `['已完成', '导入失败', 'Done', 'Failed'].includes(document.querySelector('[data-testid=import-status]')?.textContent ?? '')`,
    );
    await this.settled();
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('import-status').textContent()) ?? '';
  }

  async count(which: 'done' | 'accepted' | 'rejected'): Promise<string> {
    return (await this.page.getByTestId(`import-${which}`).textContent()) ?? '';
  }

  reportHref(format: 'xlsx' | 'csv'): Promise<string | null> {
    return this.page.getByTestId('import-result').getByTestId(`import-report-${format}`).getAttribute('href');
  }

  historyRows() {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  exportHref(): Promise<string | null> {
    return this.page.getByTestId('export-download').getAttribute('href');
  }
}
