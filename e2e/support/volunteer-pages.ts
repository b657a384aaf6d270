import type { Cookie } from 'playwright-core';
import { LoginPage } from '../pages/login.page.js';
import { registerVolunteerByApi } from './api-setup.js';
import { newContext } from './browser.js';
import { uniquePerson, type Fixture } from './fixture.js';

/**
 * The portal and volunteer pages (the budget, phone widths): each path, what shows once it is there, and whether it is seen
 * logged in as a volunteer. A new portal or volunteer page is one more line here.
 */
export const VOLUNTEER_PAGES: { path: string; ready: string; volunteer?: true }[] = [
  { path: '/', ready: '#hero-title' },
  { path: '/sites', ready: 'svg.sites-map' },
  { path: '/login', ready: 'input[name="login"]' },
  { path: '/register', ready: 'input[name="idNumber"]' },
  { path: '/activities', ready: 'main h1' },
  { path: '/me', ready: '[data-testid="me-volunteer-code"]', volunteer: true },
  { path: '/me/shifts', ready: '[data-testid="calendar-url"]', volunteer: true },
  { path: '/checkin', ready: 'input[name="kind"]', volunteer: true },
  { path: '/me/code', ready: '[data-testid="member-code-text"]', volunteer: true },
  { path: '/me/records', ready: 'main h1', volunteer: true },
  { path: '/inbox', ready: 'main h1', volunteer: true },
  { path: '/me/points', ready: '[data-testid="points-balance"]', volunteer: true },
  { path: '/me/redemptions', ready: 'main h1', volunteer: true },
  { path: '/me/profile', ready: '[data-testid="profile-form"]', volunteer: true },
  { path: '/me/notifications', ready: '[data-testid="channels-form"]', volunteer: true },
];

/**
 * A new volunteer, logged in once through the login page: the session cookies, so each page
 * can then be loaded in a fresh context (an empty cache) as that volunteer.
 */
export async function volunteerSession(fx: Fixture, name: string): Promise<Cookie[]> {
  const person = { name, password: 'pages-pass-1', ...uniquePerson() };
  await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
  const context = await newContext(fx.browser, fx.server.url);
  const login = new LoginPage(await context.newPage());
  await login.open();
  await login.logIn(person.phone, person.password);
  await login.page.waitForURL(/\/me$/);
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}
