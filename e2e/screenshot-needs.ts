import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiCaller } from './support/api-setup.js';
import { newContext, type ContextOptions } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import type { TestServer } from './support/test-server.js';

const DEMO_PASSWORD = 'shanmei-demo';

export interface NeedsShots {
  /** A demo need, shown on its own page to the resident. */
  needId: string;
  /** The volunteer's certificate, for its verification page. */
  certificateCode: string;
}

/**
 * A certificate issued by the demo volunteer (its PDF's first page rendered by pdftoppm into
 * `out`/certificate-page-1.png, the same in every mode) and a demo need of the resident's.
 */
export async function arrangeNeedsShots(
  server: TestServer,
  volunteer: { login: string; password: string },
  out: string,
): Promise<NeedsShots> {
  const resident = await ApiCaller.login(server.url, 'resident', DEMO_PASSWORD);
  const mine = await resident.get<{ items: { id: string; status: string }[] }>('/needs?view=mine');
  const need = mine.items.find((n) => n.status === 'completed') ?? mine.items[0];
  if (!need) throw new Error('the demo resident has no needs');

  const v = await ApiCaller.login(server.url, volunteer.login, volunteer.password);
  const me = await v.get<{ user: { volunteerId: string } }>('/me');
  const today = new Date(e2eNow()).toISOString().slice(0, 10);
  const period = { volunteerId: me.user.volunteerId, from: '2000-01-01', to: today };
  let res = await v.send('POST', '/certificates', period);
  if (res.status === 422) {
    const refusal = (await res.json()) as { error: { details?: { organisations?: { id: string }[] } } };
    const organisationId = refusal.error.details?.organisations?.[0]?.id;
    res = await v.send('POST', '/certificates', { ...period, organisationId });
  }
  if (res.status !== 201) throw new Error(`certificate: ${res.status} ${await res.text()}`);
  const { code } = (await res.json()) as { code: string };
  const pdf = await v.send('GET', `/certificates/${code}/pdf`);
  if (!pdf.ok) throw new Error(`certificate PDF: ${pdf.status}`);
  mkdirSync(out, { recursive: true });
  const file = join(out, 'certificate.pdf');
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '100',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(out, 'certificate-page-1'),
  ]);
  return { needId: need.id, certificateCode: code };
}

/** The needs pages of the resident, the region admin's board, the team's offered needs and the certificates. */
export async function shootNeeds(
  browser: Browser,
  url: string,
  opts: ContextOptions,
  shots: NeedsShots,
  volunteer: { login: string; password: string },
  logIn: (page: Page, login: string, password: string) => Promise<void>,
  save: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const as = async (login: string, password: string, pages: [string, string][]) => {
    const context = await newContext(browser, url, opts);
    const page = await context.newPage();
    await logIn(page, login, password);
    for (const [name, path] of pages) {
      await page.goto(path);
      await save(page, name);
    }
    await context.close();
  };
  await as('resident', DEMO_PASSWORD, [
    ['needs-mine', '/needs'],
    ['needs-post', '/needs/new'],
    ['need', `/needs/${shots.needId}`],
  ]);
  await as('region.admin', DEMO_PASSWORD, [['needs-board', '/admin/needs']]);
  await as(volunteer.login, volunteer.password, [
    ['needs-team', '/me/team-needs'],
    ['my-certificates', '/me/certificates'],
  ]);
  await as('team.admin', DEMO_PASSWORD, [['organiser-certificates', '/organiser/certificates']]);
  const visitor = await newContext(browser, url, opts);
  const page = await visitor.newPage();
  await page.goto(`/verify/${shots.certificateCode}`);
  await save(page, 'certificate-verify');
  await visitor.close();
}
