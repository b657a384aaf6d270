import type { Page } from 'playwright-core';
import { AdminPage } from './admin.page.js';
import { motionDone } from '../support/motion.js';

/** The points supermarket counter (Ant Design, like the consoles). */
export class CounterPage extends AdminPage {
  constructor(page: Page) {
    super(page);
  }

  async openSection(section: 'redeem' | 'goods' | 'redemptions' | 'report'): Promise<void> {
    await this.goto(`/counter/${section}`);
    await this.page.locator('.admin-content h1').waitFor();
    await this.settled();
  }

  /** Also waits for CSS transitions (a button turning from disabled to enabled fades its colours). */
  override async settled(): Promise<void> {
    await super.settled();
    await motionDone(this.page);
  }

  memberCodeInput() {
    return this.page.getByTestId('member-code-input');
  }

  /** Types (or a USB scanner "types") the member code and presses Enter; waits for the customer. */
  async lookUp(memberCode: string): Promise<void> {
    await this.memberCodeInput().fill(memberCode);
    await this.memberCodeInput().press('Enter');
    await this.page.getByTestId('customer').waitFor();
  }

  /** Switches to "no phone? volunteer code or phone + counter PIN" and waits for its first field. */
  async usePin(): Promise<void> {
    await this.page.getByTestId('mode-pin').click();
    await this.page.getByTestId('pin-login-input').waitFor();
  }

  /** Types the volunteer code (or phone) and the PIN, as the clerk and the volunteer would, and presses Enter. */
  async lookUpByPin(login: string, pin: string): Promise<void> {
    await this.page.getByTestId('pin-login-input').fill(login);
    await this.page.getByTestId('pin-input').click();
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  customerBalance() {
    return this.page.getByTestId('customer-balance');
  }

  async setQty(goodsName: string, qty: number): Promise<void> {
    const input = this.page.getByRole('spinbutton', { name: new RegExp(goodsName) });
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially(String(qty));
    await this.page.waitForFunction(
      `document.querySelector('[data-testid="qty-${goodsName}"]')?.getAttribute('aria-valuenow') === '${qty}'`,
    );
  }

  /** Presses 确认兑换, checks the balance before and after that the clerk is shown, and says yes. */
  async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-redemption').click();
    await this.page.getByTestId('redemption-review').waitFor();
    await this.page.getByTestId('confirm-redemption-final').click();
  }

  receipt() {
    return this.page.getByTestId('receipt');
  }

  error() {
    return this.page.getByTestId('counter-error');
  }

  async addGoods(g: { name: string; points: number; stock: number }): Promise<void> {
    await this.page.locator('#goods-new_name').fill(g.name);
    await this.page.locator('#goods-new_points').fill(String(g.points));
    await this.page.locator('#goods-new_stock').fill(String(g.stock));
    await this.page.getByTestId('goods-new-submit').click();
    await this.successNotice().filter({ hasText: g.name }).waitFor();
    await this.page.getByTestId(`stock-${g.name}`).waitFor();
  }

  async stockOf(goodsName: string): Promise<number> {
    const cell = this.page.getByTestId(`stock-${goodsName}`);
    await cell.waitFor();
    return Number((await cell.textContent())?.trim());
  }

  /** Waits until the goods row shows `n` in stock: after a change the list refreshes a moment after the notice. */
  async waitForStock(goodsName: string, n: number): Promise<void> {
    await this.page
      .getByTestId(`stock-${goodsName}`)
      .filter({ hasText: new RegExp(`^\\s*${n}\\s*$`) })
      .waitFor();
  }

  reverseButtons() {
    return this.page.getByTestId('reverse-button');
  }

  /** Presses Tab until the focused element's accessible name (or text) matches. */
  async tabTo(match: RegExp, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const label = (await this.page.evaluate(
        `(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '') : ''; })()`,
      )) as string;
      if (match.test(label.trim())) return;
    }
    throw new Error(`Tab never reached ${match}`);
  }
}
