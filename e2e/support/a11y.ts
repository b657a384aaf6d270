import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';

/** Asserts axe-core finds nothing on the page as it is now; `where` names it in the failure. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `axe-core violations on ${where}:\n${found.join('\n')}`);
}

/** The same page in zh-CN, in English and in care mode (switched through the header), each checked by axe. */
export async function assertAccessibleInEveryMode(
  page: Page,
  where: string,
  ready: () => Promise<void>,
): Promise<void> {
  await ready();
  await assertAccessible(page, `${where} (zh-CN)`);
  await page.getByTestId('language-switch').click();
  await page.waitForFunction('document.documentElement.lang === "en"');
  await ready();
  await assertAccessible(page, `${where} (en)`);
  await page.getByTestId('care-mode-switch').click();
  await page.waitForFunction('document.documentElement.classList.contains("care-mode")');
  await ready();
  await assertAccessible(page, `${where} (en, care mode)`);
  await page.getByTestId('language-switch').click();
  await page.waitForFunction('document.documentElement.lang === "zh-CN"');
  await ready();
  await assertAccessible(page, `${where} (zh-CN, care mode)`);
  await page.getByTestId('care-mode-switch').click();
  await page.waitForFunction('!document.documentElement.classList.contains("care-mode")');
}
