import type { Page } from 'playwright-core';

/** The header every page shares: navigation, the language switch and the care-mode switch. */
export class AppShell {
  constructor(readonly page: Page) {}

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('main#main').waitFor();
  }

  get careSwitch() {
    return this.page.getByTestId('care-mode-switch');
  }

  get languageSwitch() {
    return this.page.getByTestId('language-switch');
  }

  async careModeOn(): Promise<boolean> {
    return (await this.page.evaluate('document.documentElement.classList.contains("care-mode")')) as boolean;
  }

  async htmlLang(): Promise<string> {
    return (await this.page.evaluate('document.documentElement.lang')) as string;
  }

  heading() {
    return this.page.locator('main h1').first();
  }

  navLink(name: string) {
    return this.page.getByRole('navigation', { name: /主导航|Main/ }).getByRole('link', { name });
  }

  /** Waits until nothing is loading: no "正在加载…"/"Loading…" status and no antd spinner. */
  async settled(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page
      .locator('.status, .ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined);
  }
}
