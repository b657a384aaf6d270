import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

const ACTIVE = `(() => { const e = document.activeElement; return e ? [e.getAttribute('role') ?? '', (e.textContent ?? '').trim()] : ['', '']; })()`;

/** The consoles' frame: side menu (a drawer on phones), breadcrumbs and the workbench's tiles. */
export class ConsoleFrame extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  /** The side menu, or the drawer's on a phone (open it first). */
  menu() {
    return this.page.getByRole('navigation', { name: /控制台菜单|Console menu/ }).filter({ visible: true });
  }

  /** The names of the menu's groups and pages, in order (the one-character marks left out). */
  async menuLabels(): Promise<string[]> {
    const items = this.menu().locator('.ant-menu-title-content');
    return (await items.allTextContents()).map((s) => s.trim());
  }

  menuToggle() {
    return this.page.getByTestId('console-menu-toggle');
  }

  async breadcrumb(): Promise<string[]> {
    return (await this.page.getByTestId('console-breadcrumb').locator('li').allTextContents())
      .map((s) => s.replace('/', '').trim())
      .filter(Boolean);
  }

  /** The workbench tile whose label is `label`: its figure's text. */
  async tileValue(label: string): Promise<string> {
    const tile = this.page.locator('.workbench-tile', {
      has: this.page.locator('.workbench-label', { hasText: label }),
    });
    return ((await tile.locator('.workbench-value').textContent()) ?? '').trim();
  }

  /** Presses Tab until the menu itself has focus (on a phone: the toggle, Enter, then into the drawer). */
  async focusMenuByKeyboard(phone: boolean): Promise<void> {
    if (phone) {
      await this.tabUntil((role, text) => role === '' && /^(菜\s?单|Menu)$/.test(text));
      await this.page.keyboard.press('Enter');
      await this.menu().waitFor();
    }
    await this.tabUntil((role) => role === 'menu');
  }

  /** With the menu focused, moves down it with the arrow keys to `label` and opens it with Enter. */
  async openByArrows(label: string): Promise<void> {
    const passed: string[] = [];
    let before = (await this.page.evaluate(ACTIVE)) as [string, string];
    for (let i = 0; i < 40; i++) {
      await this.page.keyboard.press('ArrowDown');
      // The menu moves focus on the next animation frame: wait for it before the next key.
      await this.page
        .waitForFunction(`${ACTIVE}.join('|') !== ${JSON.stringify(before.join('|'))}`, undefined, { timeout: 2000 })
        .catch(() => undefined);
      const [role, text] = (await this.page.evaluate(ACTIVE)) as [string, string];
      before = [role, text];
      if (role === 'menuitem' && text === label) {
        await this.page.keyboard.press('Enter');
        return;
      }
      passed.push(`${role}:${text}`);
    }
    throw new Error(`the arrow keys never reached ${label}, passing ${passed.join(' → ')}`);
  }

  /** Focus starts at the page's heading, so Tab walks the workbench's tiles (and wraps) before the menu. */
  private async tabUntil(done: (role: string, text: string) => boolean): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press('Tab');
      const [role, text] = (await this.page.evaluate(ACTIVE)) as [string, string];
      if (done(role, text)) return;
    }
    throw new Error('Tab never reached the console menu');
  }

  /** How wide the page is: wider than the window means it scrolls sideways. */
  async pageWidth(): Promise<number> {
    return Number(await this.page.evaluate('document.documentElement.scrollWidth'));
  }
}
