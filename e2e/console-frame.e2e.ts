import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Me } from '../src/common/contract/auth.js';
import type { Workbench } from '../src/common/contract/workbench.js';
import { consoleSections } from '../src/web/components/console-menu.js';
import { ConsoleFrame } from './pages/console.page.js';
import { assertAccessible, assertAccessibleInEveryMode } from './support/a11y.js';
import { ApiCaller, registerVolunteerByApi } from './support/api-setup.js';
import { watchErrors } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import { openFixture, uniquePerson, type Fixture } from './support/fixture.js';
import { HOUR, loggedIn, publishedActivity } from './support/service-helpers.js';
import { motionDone } from './support/motion.js';

const zh = JSON.parse(readFileSync(new URL('../src/web/i18n/zh-CN.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
/** A zh-CN text by its dotted key. */
const say = (key: string): string =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zh) as string;
const DEMO_PASSWORD = 'shanmei-demo';
const VIEWS = [
  { width: 1366, height: 768, phone: false },
  { width: 360, height: 740, phone: true },
];

/** Each person: the page the keyboard opens from the menu, and the workbench tiles that must show their figure. */
const PEOPLE: { login: string; target: string; tiles: (w: Workbench) => [string, string][] }[] = [
  {
    login: 'team.admin',
    target: '/organiser/records',
    tiles: (w: Workbench) => [
      ['workbench.signupsToApprove', String(w.organiser?.signupsToApprove)],
      ['workbench.recordsToConfirm', String(w.organiser?.recordsToConfirm)],
      ['workbench.storyTips', String(w.stories?.newTips)],
    ],
  },
  {
    login: 'clerk',
    target: '/counter/goods',
    tiles: (w: Workbench) =>
      w.counters.map((c) => [
        `workbench.redemptionsToday:${c.name}`,
        `${c.redemptionsToday} 笔，${c.pointsToday} 积分`,
      ]),
  },
  {
    login: 'region.admin',
    target: '/admin/volunteers',
    tiles: (w: Workbench) => [
      ['workbench.volunteers', String(w.admin?.volunteers)],
      ['workbench.organisations', String(w.admin?.organisations)],
      ['workbench.needsToReview', String(w.needs?.toReview)],
      ['workbench.storiesToReview', String(w.stories?.toReview)],
    ],
  },
];

/** A tile's label: its key, with the supermarket's name where the label names one. */
const tileLabel = (spec: string) => {
  const [key, name] = spec.split(':') as [string, string | undefined];
  return name === undefined ? say(key) : say(key).replace('{{name}}', name);
};

describe('the consoles frame: landing, menu by role, breadcrumbs, keyboard, phones', () => {
  let fx: Fixture & { close: () => Promise<void> };
  before(async () => {
    fx = await openFixture({ demo: true });
    // Something for the team admin to do: a sign-up waiting for approval.
    const lead = await ApiCaller.login(fx.server.url, 'team.admin', DEMO_PASSWORD);
    const a = await publishedActivity(lead, {
      title: '长江岸线清洁',
      field: 'ecology',
      start: e2eNow() + 3 * 24 * HOUR,
      hours: 2,
      capacity: 5,
      requiresApproval: true,
    });
    // A newcomer, who holds no shift: a demo volunteer's own shifts three days on could overlap
    // this one at some hours of the day (SHIFT_OVERLAP), and the test must hold at any hour.
    const person = { name: '孙新人', password: 'newcomer-pass-7', ...uniquePerson() };
    await registerVolunteerByApi(fx.server.url, { ...person, regionCode: '500103' });
    const volunteer = await ApiCaller.login(fx.server.url, person.phone, person.password);
    await volunteer.post(`/shifts/${a.shiftId}/signups`, {});
  });
  after(async () => {
    await fx?.close();
  });

  for (const person of PEOPLE) {
    for (const view of VIEWS) {
      it(`${person.login} at ${view.width}×${view.height}`, async () => {
        const api = await ApiCaller.login(fx.server.url, person.login, DEMO_PASSWORD);
        const me = await api.get<Me>('/me');
        const work = await api.get<Workbench>('/me/workbench');
        const sections = consoleSections(me);
        const [context, page] = await loggedIn(fx, person.login, DEMO_PASSWORD, view);
        const errors = watchErrors(page);
        const frame = new ConsoleFrame(page);
        const ready = async () => {
          await frame.settled();
          await motionDone(page);
          const width = await frame.pageWidth();
          assert.ok(width <= view.width, `${person.login}: ${page.url()} is ${width} px wide at ${view.width}`);
        };

        // The login form lands staff on their workbench.
        await page.waitForURL(/\/console$/);
        await page.locator('#workbench-title').waitFor();
        await page.locator('.workbench-tile').first().waitFor();
        assert.deepEqual(await frame.breadcrumb(), [say('console.workbench')]);
        for (const [label, value] of person.tiles(work)) {
          assert.equal(await frame.tileValue(tileLabel(label)), value, `${person.login}: ${label}`);
        }
        await assertAccessibleInEveryMode(page, `${person.login} workbench`, ready);

        // The menu lists exactly this person's consoles and pages.
        if (view.phone) {
          await frame.menuToggle().click();
          await frame.menu().waitFor();
          await ready();
          await assertAccessible(page, `${person.login} menu drawer`);
        }
        const expected = [say('console.workbench')];
        for (const s of sections) expected.push(say(s.label), ...s.entries.map((e) => say(e.label)));
        assert.deepEqual(await frame.menuLabels(), expected);
        if (view.phone) {
          await page.keyboard.press('Escape');
          await frame.menu().waitFor({ state: 'hidden' });
        }

        // The keyboard opens a page through the menu; the breadcrumbs follow.
        const section = sections.find((s) => s.entries.some((e) => e.path === person.target));
        const entry = section?.entries.find((e) => e.path === person.target);
        assert.ok(section && entry, `${person.login}: ${person.target} is in the menu`);
        await page.locator('#workbench-title').focus();
        await frame.focusMenuByKeyboard(view.phone);
        await frame.openByArrows(say(entry.label));
        await page.waitForURL((u) => u.pathname === person.target);
        // The console's chunk may still be loading: the breadcrumbs follow once its page shows.
        await page.getByTestId('console-breadcrumb').getByText(say(entry.label)).waitFor();
        await page.locator('main h1').first().waitFor();
        assert.deepEqual(await frame.breadcrumb(), [say('console.workbench'), say(section.label), say(entry.label)]);
        await assertAccessibleInEveryMode(page, `${person.login} ${person.target}`, ready);

        // The public site is one link away.
        await page.getByTestId('console-public-link').click();
        await page.waitForURL((u) => u.pathname === '/');
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
});
