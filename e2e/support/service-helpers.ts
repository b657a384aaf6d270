import type { BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/login.page.js';
import type { ApiCaller } from './api-setup.js';
import { wallTime } from '../../src/common/zoned-time.js';
import { newContext, watchErrors, type ContextOptions } from './browser.js';
import { PLATFORM_TIME_ZONE } from './clock.js';
import type { Fixture } from './fixture.js';

/** 解放碑: where the activities are and where the volunteers' phones say they are. */
export const SITE = { lat: 29.5576, lng: 106.5771 };
export const HOUR = 3600_000;

/** A `datetime-local` value on the platform's clock, as the web app reads its time inputs. */
export const local = (t: number) => wallTime(t, PLATFORM_TIME_ZONE);

/** Presses Tab until the focused element's accessible name (or text, or name) matches. */
export async function tabTo(page: Page, match: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = (await page.evaluate(
      `(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '') : ''; })()`,
    )) as string;
    if (match.test(label.trim())) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

/** A fresh context logged in through the form. */
export async function loggedIn(
  fx: Fixture,
  login: string,
  password: string,
  opts: ContextOptions = {},
): Promise<[BrowserContext, Page]> {
  const { context, page } = await signedIn(fx, login, password, opts);
  return [context, page];
}

/** A browser context of its own, logged in through the form, its page's errors watched from the start. */
export async function signedIn(
  fx: Fixture,
  login: string,
  password = 'shanmei-demo',
  opts: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(fx.browser, fx.server.url, opts);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const form = new LoginPage(page);
  await form.open();
  await form.logIn(login, password);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return { context, page, errors };
}

/** Creates and publishes an activity at SITE through the API, as the team admin; answers its first shift. */
export async function publishedActivity(
  lead: ApiCaller,
  a: {
    title: string;
    field: string;
    start: number;
    hours: number;
    capacity: number;
    requiresApproval?: boolean;
    radiusM?: number;
    /** Whom a volunteer holding a sign-up calls. */
    contact?: { contactName: string; contactPhone: string };
  },
): Promise<{ id: string; shiftId: string }> {
  const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
  const activity = await lead.post<{ id: string; shifts: { id: string }[] }>('/activities', {
    organisationId: me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '',
    title: a.title,
    field: a.field,
    location: { address: `重庆市渝中区 ${a.title}`, ...SITE },
    radiusM: a.radiusM ?? 200,
    requiresApproval: a.requiresApproval ?? false,
    ...a.contact,
    shifts: [
      {
        start: new Date(a.start).toISOString(),
        end: new Date(a.start + a.hours * HOUR).toISOString(),
        capacity: a.capacity,
      },
    ],
  });
  await lead.post(`/activities/${activity.id}/publish`, {});
  return { id: activity.id, shiftId: activity.shifts[0]?.id ?? '' };
}
