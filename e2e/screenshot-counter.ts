/**
 * The points pages for `npm run screenshots`: points for the demo volunteer, goods at the demo
 * clerk's supermarket and one redemption (all through the API), then the counter's pages.
 */
import type { Browser, Page } from 'playwright-core';
import { ApiCaller } from './support/api-setup.js';
import { newContext, type ContextOptions } from './support/browser.js';
import { ADMIN_PASSWORD, type TestServer } from './support/test-server.js';

export const CLERK = { login: 'clerk', password: 'shanmei-demo' };
/** The demo volunteer's counter PIN, for the counter's "no phone" path. */
const PIN = '305718';
type Login = { login: string; password: string };

/** The volunteer code the volunteer would give at the counter. */
async function volunteerCode(url: string, volunteer: Login): Promise<string> {
  const v = await ApiCaller.login(url, volunteer.login, volunteer.password);
  const me = await v.get<{ user: { volunteerId: string } }>('/me');
  return (await v.get<{ volunteerCode: string }>(`/volunteers/${me.user.volunteerId}`)).volunteerCode;
}

const memberCode = async (url: string, volunteer: Login) =>
  (await (await ApiCaller.login(url, volunteer.login, volunteer.password)).get<{ token: string }>('/me/member-code'))
    .token;

export async function arrangeCounterData(server: TestServer, volunteer: Login): Promise<void> {
  const admin = await ApiCaller.login(server.url, 'admin', ADMIN_PASSWORD);
  const v = await ApiCaller.login(server.url, volunteer.login, volunteer.password);
  const me = await v.get<{ user: { volunteerId: string } }>('/me');
  await v.put('/me/pin', { pin: PIN });
  await admin.post(`/volunteers/${me.user.volunteerId}/points/adjustments`, {
    amount: 300,
    reason: '2026年度优秀志愿者奖励',
    idempotencyKey: 'screenshots-grant-1',
  });
  const clerk = await ApiCaller.login(server.url, CLERK.login, CLERK.password);
  const roles = await clerk.get<{ roles: { role: string; scopeId: string }[] }>('/me');
  const siteId = roles.roles.find((g) => g.role === 'clerk')?.scopeId ?? '';
  const goods = [
    { name: '环保购物袋', points: 30, stock: 50, donor: '重庆某爱心企业' },
    { name: '东北大米 5kg', points: 120, stock: 12, limitPerPerson: 1, limitPeriod: 'month' },
    { name: '洗衣液', points: 60, stock: 20 },
    { name: '志愿者保温杯', points: 90, stock: 8 },
  ];
  const made: { id: string }[] = [];
  for (const g of goods) made.push(await clerk.post<{ id: string }>(`/supermarkets/${siteId}/goods`, g));
  await clerk.post(`/supermarkets/${siteId}/redemptions`, {
    memberCode: await memberCode(server.url, volunteer),
    items: [
      { goodsId: made[0]?.id ?? '', qty: 2 },
      { goodsId: made[2]?.id ?? '', qty: 1 },
    ],
    idempotencyKey: 'screenshots-basket-1',
  });
}

/** The counter with a customer and a basket (by member code, then by volunteer code and PIN), goods, redemptions and the day report. */
export async function shootCounter(
  browser: Browser,
  url: string,
  opts: ContextOptions,
  volunteer: Login,
  logIn: (page: Page, login: string, password: string) => Promise<void>,
  save: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const context = await newContext(browser, url, opts);
  const page = await context.newPage();
  await logIn(page, CLERK.login, CLERK.password);
  await page.goto('/counter/redeem');
  await page.getByTestId('member-code-input').fill(await memberCode(url, volunteer));
  await page.getByTestId('member-code-input').press('Enter');
  await page.getByTestId('customer').waitFor();
  await page.getByTestId('qty-洗衣液').fill('2');
  await save(page, 'counter-redeem');
  await page.goto('/counter/redeem');
  await page.getByTestId('mode-pin').click();
  await page.getByTestId('pin-login-input').fill(await volunteerCode(url, volunteer));
  await page.getByTestId('pin-input').fill(PIN);
  await page.getByTestId('pin-input').press('Enter');
  await page.getByTestId('customer').waitFor();
  await page.getByTestId('qty-环保购物袋').fill('1');
  await save(page, 'counter-pin');
  for (const section of ['goods', 'redemptions', 'report']) {
    await page.goto(`/counter/${section}`);
    await page.locator('.admin-content h1').waitFor();
    await save(page, `counter-${section}`);
  }
  await context.close();
}
