import type { Page } from 'playwright-core';

/**
 * Waits until no animation or transition is running (endless ones, like spinners, aside), in
 * the whole page or under `selector`. Mid-motion colours fail contrast checks: a dialog fading
 * in, a drawer sliding, a button turning from disabled to enabled.
 */
export async function motionDone(page: Page, selector?: string): Promise<void> {
  const animations = selector
    ? `[...document.querySelectorAll(${JSON.stringify(selector)})].flatMap((e) => e.getAnimations({ subtree: true }))`
    : 'document.getAnimations()';
  await page.waitForFunction(
    `${animations}.every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)`,
  );
}
