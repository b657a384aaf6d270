import type { Page, Request } from 'playwright-core';
import { AdminPage } from './admin.page.js';
import { motionDone } from '../support/motion.js';

export interface NewActivity {
  title: string;
  fieldLabel: string;
  address: string;
  lat: number;
  lng: number;
  radiusM: number;
  /** `datetime-local` values. */
  start: string;
  end: string;
  capacity: number;
}

/** The organiser console (Ant Design, like the administration console). */
export class OrganiserPage extends AdminPage {
  constructor(page: Page) {
    super(page);
  }

  async openActivities(): Promise<void> {
    await this.goto('/organiser/activities');
    await this.page.locator('#org-activities-title').waitFor();
    await this.settled();
  }

  async createActivity(a: NewActivity): Promise<void> {
    await this.openCreate();
    await this.fillAndSave(a);
  }

  /** Opens the new-activity form from the list. */
  async openCreate(): Promise<void> {
    await this.page.getByRole('button', { name: /新建活动|New activity/ }).click();
    await this.page.locator('#create-title').waitFor();
    await this.settled();
  }

  /** Picks a brand project (or a sub-project) in the project tree of the activity form. */
  async pickProject(name: string, formPrefix = ''): Promise<void> {
    await this.page.locator(`#${formPrefix}projectId`).click();
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: name })
      .first()
      .click();
    await this.popupsClosed();
  }

  /** Turns the risky switch of the activity form on. */
  async markRisky(formPrefix = ''): Promise<void> {
    const sw = this.page.locator(`#${formPrefix}risky`);
    if ((await sw.getAttribute('aria-checked')) !== 'true') await sw.click();
  }

  /** Fills the create form after `openCreate` (and any project or risky choice) and saves the draft. */
  async fillAndSave(a: NewActivity): Promise<void> {
    await this.page.locator('#title').fill(a.title);
    await this.pick('field', a.fieldLabel);
    await this.page.locator('#address').fill(a.address);
    await this.page.locator('#lat').fill(String(a.lat));
    await this.page.locator('#lng').fill(String(a.lng));
    await this.page.locator('#radiusM').fill(String(a.radiusM));
    await this.page.locator('#shifts_0_start').fill(a.start);
    await this.page.locator('#shifts_0_end').fill(a.end);
    await this.page.locator('#shifts_0_capacity').fill(String(a.capacity));
    await this.page.locator('form[aria-label] button[type="submit"]').click();
    await this.page.locator('#org-activity-title').waitFor();
    await this.settled();
  }

  /** Presses Publish and answers the refusal shown beside it. */
  async publishRefused(): Promise<string> {
    await this.pressPublish();
    const alert = this.page.getByTestId('publish-refusal');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** The insurance panel's verdict for a risky activity (covered or not). */
  insuranceState() {
    return this.page.getByTestId('insurance-state');
  }

  /** Adds a policy on this activity in the insurance panel (the days default to the activity's). */
  async addPolicy(insurer: string, policyNumber: string): Promise<void> {
    await this.page.locator('#policy_insurer').fill(insurer);
    await this.page.locator('#policy_policyNumber').fill(policyNumber);
    await this.page.getByTestId('policy-submit').click();
    await this.page.getByTestId('policy-list').locator('tr.ant-table-row', { hasText: policyNumber }).waitFor();
  }

  /** Opens the inline form of the first shift. */
  async openShiftEdit(): Promise<void> {
    await this.page.getByTestId('shift-edit').first().click();
    await this.page.getByTestId('shift-save').waitFor();
  }

  /** A field of the open shift form, by its name (`start`, `end`, `capacity`, `signupDeadline`). */
  shiftField(name: string) {
    return this.page.locator(`.shift-edit-form [id$="_${name}"]`);
  }

  /** The message under a field of the open shift form (the server's refusal lands here). */
  shiftFieldHelp(name: string) {
    return this.page.locator(`.shift-edit-form [id$="_${name}_help"]`);
  }

  /** Opens the edit drawer of the activity. */
  async openEdit(): Promise<void> {
    await this.page.getByTestId('activity-edit').click();
    await this.page.locator('#edit_title').waitFor();
    await this.settled();
    // the drawer slides and fades in: its text reaches its real colour only when that ends
    await motionDone(this.page, '.ant-drawer');
  }

  async closeEdit(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('#edit_title').waitFor({ state: 'detached' });
  }

  /** Changes the title in the open edit drawer and saves. */
  async renameTo(title: string): Promise<void> {
    await this.page.locator('#edit_title').fill(title);
    await this.page.getByTestId('edit-save').click();
    await this.page.locator('#edit_title').waitFor({ state: 'detached' });
    await this.page.locator('#org-activity-title', { hasText: title }).waitFor();
  }

  /** Opens the late-entry (补录) tab of the records page. */
  async openLateEntry(): Promise<void> {
    await this.openRecords();
    await this.page.getByRole('tab', { name: /补录|Late entry/ }).click();
    await this.page.locator('#late_activityId').waitFor();
  }

  /** Searches the volunteer picker of a form by typing, and takes the first match with Enter (keyboard only). */
  async searchPicker(inputId: string, text: string): Promise<void> {
    const input = this.page.locator(`#${inputId}`);
    await input.focus();
    await input.pressSequentially(text);
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
      .first()
      .waitFor();
    await input.press('Enter');
    await this.popupsClosed();
  }

  /** The late-entry form (its fields' ids start with `late_`). */
  lateForm() {
    return this.page.locator('form', { has: this.page.locator('#late_activityId') });
  }

  /** Fills the rest of the late-entry form (activity, times, content, evidence) and sends it. */
  async sendLateEntry(e: { activityTitle: string; start: string; end: string; content: string; evidence: string }) {
    await this.page.locator('#late_start').fill(e.start);
    await this.page.locator('#late_end').fill(e.end);
    await this.page.locator('#late_content').fill(e.content);
    await this.page.locator('#late_evidence').fill(e.evidence);
    await this.lateForm().locator('button[type="submit"]').click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /补录已提交|Sent; waiting/ })
      .waitFor();
  }

  /** Presses 发布 and says yes to the question that follows. */
  async pressPublish(): Promise<void> {
    await this.page.getByTestId('publish-button').click();
    const confirm = this.page.getByRole('button', { name: /确定发布|确 定 发 布|Yes, publish/ });
    // Under load a click can fall between two draws of the pop-up and be lost: pressed again only
    // when no publish request went out and the question still shows, so it never publishes twice.
    let sent = false;
    const seen = (r: Request) => {
      if (r.method() === 'POST' && r.url().endsWith('/publish')) sent = true;
    };
    this.page.on('request', seen);
    try {
      for (let attempt = 1; ; attempt++) {
        await confirm.click();
        for (let i = 0; i < 30 && !sent; i++) await this.page.waitForTimeout(100);
        if (sent || attempt === 3 || !(await confirm.isVisible())) return;
      }
    } finally {
      this.page.off('request', seen);
    }
  }

  async publish(): Promise<void> {
    await this.pressPublish();
    await this.page
      .getByTestId('activity-status')
      .filter({ hasText: /报名中|进行中|Open|Running/ })
      .waitFor();
  }

  async openDesk(): Promise<void> {
    await this.page.getByTestId('shift-desk-link').first().click();
    await this.page.locator('#desk-title').waitFor();
    await this.page.getByTestId('desk-digits').waitFor();
    await this.settled();
  }

  /** Opens the full-screen code and answers its 6 digits. */
  async fullScreenDigits(): Promise<string> {
    await this.page.getByTestId('full-screen').click();
    const digits = this.page.getByTestId('checkin-digits');
    await digits.waitFor();
    return ((await digits.textContent()) ?? '').replace(/\s/g, '');
  }

  async leaveFullScreen(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('code-screen').waitFor({ state: 'detached' });
  }

  async openRecords(): Promise<void> {
    await this.goto('/organiser/records');
    await this.page.locator('#records-title').waitFor();
    await this.settled();
  }

  /** The map of the activity form's position (plain background or tiles). */
  positionMap() {
    return this.page.getByTestId('position-map');
  }

  /** Clicks the position map at a fraction of its width and height (0–1 from the top left). */
  async pickOnMap(fx: number, fy: number): Promise<void> {
    const box = await this.positionMap().boundingBox();
    if (!box) throw new Error('the position map is not shown');
    await this.positionMap().click({ position: { x: box.width * fx, y: box.height * fy } });
  }

  /** The latitude and longitude the form holds (NaN where a field is empty). */
  async position(): Promise<{ lat: number; lng: number }> {
    const read = async (id: string) => Number((await this.page.locator(`#${id}`).inputValue()) || NaN);
    return { lat: await read('lat'), lng: await read('lng') };
  }

  /** Narrows the records list to a volunteer by name or code (the filter waits for typing to pause). */
  async filterRecordsByVolunteer(text: string): Promise<void> {
    await this.page.getByTestId('records-volunteer-filter').fill(text);
    await this.page.waitForURL((u) => u.searchParams.get('volunteer') === text);
    await this.settled();
  }

  /** Confirms one pending record by its row's 确认 and the question that follows. */
  async confirmRecordOf(name: string): Promise<void> {
    const row = this.page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
    await row.getByTestId('record-confirm').click();
    await this.page.getByRole('button', { name: /确认记录|Confirm record/ }).click();
    await this.page.locator('.ant-message-success').waitFor();
  }

  async confirmAllPending(): Promise<void> {
    await this.page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await this.page.locator('.ant-table-thead .ant-checkbox-input').check();
    await this.page.getByTestId('confirm-selected').click();
    await this.page.locator('.ant-message-success').waitFor();
  }

  async kioskRecord(memberCode: string): Promise<void> {
    await this.page.getByRole('button', { name: /扫会员码登记|Scan member codes/ }).click();
    const input = this.page.getByTestId('kiosk-input');
    await input.waitFor();
    await input.fill(memberCode);
    await input.press('Enter');
  }

  kioskLog() {
    return this.page.getByTestId('kiosk-log');
  }
}
