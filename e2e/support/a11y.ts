import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { motionDone } from './motion.js';

/**
 * Asserts axe-core finds nothing on the page once its animations and transitions are done;
 * `where` names it in the failure. A colour met half-way through a transition that began after
 * the wait (a link turning active when its data arrives) is no violation: what axe finds is
 * checked once more after motion has settled again, and only what stays is reported.
 */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  await motionDone(page);
  let found = await axeViolations(page);
  if (found.length) {
    await motionDone(page);
    found = await axeViolations(page);
  }
  assert.deepEqual(found, [], `axe-core violations on ${where}:\n${found.join('\n')}`);
}

/** Flips the header's language switch and waits for `<html lang>` to say `lang`. */
async function switchLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
}

/** Flips the header's care-mode switch and waits for `<html>` to follow. */
async function switchCareMode(page: Page, on: boolean): Promise<void> {
  await page.getByTestId('care-mode-switch').click();
  await page.waitForFunction(`${on ? '' : '!'}document.documentElement.classList.contains("care-mode")`);
}

/** The same page in zh-CN and in English (switched through the header), each checked by axe; back in zh-CN after. */
export async function assertAccessibleInBothLanguages(
  page: Page,
  where: string,
  ready: () => Promise<void>,
): Promise<void> {
  await ready();
  await assertAccessible(page, `${where} (zh-CN)`);
  await switchLanguage(page, 'en');
  await ready();
  await assertAccessible(page, `${where} (en)`);
  await switchLanguage(page, 'zh-CN');
  await ready();
}

/** The same page in zh-CN and in English, then both again in care mode (switched through the header), each checked by axe. */
export async function assertAccessibleInEveryMode(
  page: Page,
  where: string,
  ready: () => Promise<void>,
): Promise<void> {
  await assertAccessibleInBothLanguages(page, where, ready);
  await switchCareMode(page, true);
  await assertAccessibleInBothLanguages(page, `${where}, care mode`, ready);
  await switchCareMode(page, false);
}
