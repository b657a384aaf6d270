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

/**
 * The same page in its language and in the other one (switched through the header), each
 * checked by axe; back in the language it started in.
 */
export async function assertAccessibleInBothLanguages(
  page: Page,
  where: string,
  ready: () => Promise<void>,
): Promise<void> {
  const lang = (await page.evaluate('document.documentElement.lang')) === 'en' ? 'en' : 'zh-CN';
  const other = lang === 'en' ? 'zh-CN' : 'en';
  await ready();
  await assertAccessible(page, `${where} (${lang})`);
  await switchLanguage(page, other);
  await ready();
  await assertAccessible(page, `${where} (${other})`);
  await switchLanguage(page, lang);
  await ready();
}

/**
 * The same page in both languages, then both again with care mode flipped (through the header),
 * each checked by axe; back in the language and mode it started in.
 */
export async function assertAccessibleInEveryMode(
  page: Page,
  where: string,
  ready: () => Promise<void>,
): Promise<void> {
  const care = (await page.evaluate('document.documentElement.classList.contains("care-mode")')) === true;
  await assertAccessibleInBothLanguages(page, where, ready);
  await switchCareMode(page, !care);
  await assertAccessibleInBothLanguages(page, `${where}, ${care ? 'without' : 'in'} care mode`, ready);
  await switchCareMode(page, care);
}
