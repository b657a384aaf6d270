import type { Page } from 'playwright-core';
import { AppShell } from './app-shell.page.js';

/** /me/profile: phone, region, skills as tags, service fields and weekly availability. */
export class ProfilePage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/me/profile');
    await this.waitUntilShown();
  }

  /** The form is there with the stored region filled into its picker. */
  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/me\/profile$/);
    await this.form().waitFor();
    await this.page.locator('input[name="fields"]').first().waitFor();
  }

  form() {
    return this.page.getByTestId('profile-form');
  }

  input(name: string) {
    return this.form().locator(`[name="${name}"]`).first();
  }

  /** Types a skill and presses Enter, as a keyboard user adds a tag. */
  async addSkillByKeyboard(skill: string): Promise<void> {
    await this.input('skill').focus();
    await this.page.keyboard.type(skill);
    await this.page.keyboard.press('Enter');
  }

  skillTags() {
    return this.page.getByTestId('skill-tags').locator('li > span');
  }

  field(code: string) {
    return this.form().locator(`input[name="fields"][value="${code}"]`);
  }

  regionLevel(depth: number) {
    return this.page.getByTestId(`region-level-${depth}`);
  }

  async chooseRegion(path: readonly string[]): Promise<void> {
    for (const [i, code] of path.entries()) {
      const select = this.regionLevel(i);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
  }

  addSlotButton() {
    return this.page.getByTestId('availability-add');
  }

  slots() {
    return this.page.getByTestId('availability-slot');
  }

  slotInput(index: number, part: 'day' | 'from' | 'to') {
    return this.form().locator(`[name="availability.${index}.${part}"]`);
  }

  saveButton() {
    return this.page.getByTestId('profile-save');
  }

  saved() {
    return this.page.getByTestId('profile-saved');
  }

  /** The error beside a field (by its input's name). */
  fieldError(name: string) {
    return this.form().locator(`.form-row:has([name="${name}"]) .field-error`);
  }

  slotError(index: number) {
    return this.slots().nth(index).locator('.field-error');
  }
}

/** /me/notifications: the contact e-mail and the channels. */
export class NotificationSettingsPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goto('/me/notifications');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/me\/notifications$/);
    await this.page.getByTestId('channels-form').waitFor();
  }

  emailInput() {
    return this.page.getByTestId('email-form').locator('input[name="email"]');
  }

  currentEmail() {
    return this.page.getByTestId('email-current');
  }

  saveEmailButton() {
    return this.page.getByTestId('email-save');
  }

  emailChannel() {
    return this.page.locator('input[name="emailOn"]');
  }

  saveChannelsButton() {
    return this.page.getByTestId('channels-save');
  }

  channelsSaved() {
    return this.page.getByTestId('channels-saved');
  }
}
