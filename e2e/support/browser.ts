import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BROWSER_TIME_ZONE, CLOCK_OFFSET_MS, shiftedDateScript } from './clock.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, quiet and sandbox-free (CI runs as root); `extraArgs` e.g. for a fake camera. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export interface ContextOptions {
  /** 'zh-CN' (default) or 'en': stored as the app's language choice before the first page. */
  lang?: 'zh-CN' | 'en';
  care?: boolean;
  width?: number;
  height?: number;
  /** Grants geolocation at this position. */
  geolocation?: { latitude: number; longitude: number };
  /**
   * Keep the server's content security policy (default off: the harness injects axe and waits on
   * evaluated strings, which the policy rightly forbids; csp.e2e.ts checks the app under it).
   */
  enforceCsp?: boolean;
}

/**
 * A fresh browser context (no cookies) with the language and care mode chosen up front, in the
 * run's time zone and on the run's clock.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: opts.lang === 'en' ? 'en-GB' : 'zh-CN',
    timezoneId: BROWSER_TIME_ZONE,
    bypassCSP: !opts.enforceCsp,
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  // The page's clock runs with the run's (as the server's does): Date alone is shifted, so timers,
  // animation frames and transitions keep their real pace.
  if (CLOCK_OFFSET_MS !== 0) await context.addInitScript(shiftedDateScript(CLOCK_OFFSET_MS));
  const init = [`localStorage.setItem('shanmei.lang', ${JSON.stringify(opts.lang ?? 'zh-CN')});`];
  init.push(`localStorage.setItem('shanmei.care', '${opts.care ? 'on' : 'off'}');`);
  // Only on the first document of the context, so a choice made in the page is remembered across reloads.
  await context.addInitScript(
    `if (!sessionStorage.getItem('e2e.init')) { ${init.join(' ')} sessionStorage.setItem('e2e.init', '1'); }`,
  );
  return context;
}

/** Fails a test on any uncaught page error or console error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
