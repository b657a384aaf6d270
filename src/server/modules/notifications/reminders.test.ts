import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { startJobs } from '../../jobs/scheduler.js';
import { queueShiftReminders, reminderKey } from './reminders.js';
import type { SmsProvider, Transports } from '../../platform/notify/transports.js';
import { testNow } from '../../../../test/clock.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('shift reminders on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  const remindersOf = (signupIds: string[]) =>
    t.tdb.db
      .selectFrom('notifications')
      .selectAll()
      .where(
        'dedupe_key',
        'in',
        signupIds.map((id) => reminderKey(id)),
      )
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  it('reminds every approved sign-up of a shift within 24 hours, once', async () => {
    const now = new Date(testNow());
    const a = await makeActivity(t.app, {
      orgId: tree.teamId,
      title: '手语普法',
      address: '渝中区人民路 2 号',
      shifts: [shiftAt(10), shiftAt(30), shiftAt(-2)],
    });
    const [soon, later, past] = a.shiftIds as [string, string, string];
    const yes1 = await makeSignup(t.app, { shiftId: soon });
    const yes2 = await makeSignup(t.app, { shiftId: soon });
    const waiting = await makeSignup(t.app, { shiftId: soon, status: 'waitlisted' });
    const cancelled = await makeSignup(t.app, { shiftId: soon, status: 'cancelled' });
    const tomorrow = await makeSignup(t.app, { shiftId: later });
    const gone = await makeSignup(t.app, { shiftId: past });
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft', shifts: [shiftAt(5)] });
    const inDraft = await makeSignup(t.app, { shiftId: draft.shiftIds[0] as string });
    const all = [yes1, yes2, waiting, cancelled, tomorrow, gone, inDraft].map((s) => s.id);

    // Two runs at once (two processes): each sign-up is reminded once.
    const runs = await Promise.all([queueShiftReminders(t.tdb.db, now), queueShiftReminders(t.tdb.db, now)]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await queueShiftReminders(t.tdb.db, now)).toBe(0);
    const sent = await remindersOf(all);
    expect(sent.map((n) => n.dedupe_key).sort()).toEqual([reminderKey(yes1.id), reminderKey(yes2.id)].sort());
    const mine = sent.find((n) => n.dedupe_key === reminderKey(yes1.id));
    const v1 = await t.tdb.db
      .selectFrom('volunteers')
      .select('user_id')
      .where('id', '=', yes1.volunteerId)
      .executeTakeFirstOrThrow();
    expect(mine).toMatchObject({ kind: 'shift_reminder', title: '服务提醒：班次即将开始', user_id: v1.user_id });
    expect(mine?.body).toContain('渝中区人民路 2 号');
    expect(JSON.parse(mine?.data ?? '{}')).toMatchObject({ shiftId: soon, signupId: yes1.id, activityId: a.id });
    const shift = await t.tdb.db.selectFrom('shifts').select('reminded_at').where('id', '=', soon).executeTakeFirst();
    expect(shift?.reminded_at).toBe(now.toISOString());

    // A wait-listed volunteer promoted afterwards still gets a reminder; 7 hours on, the
    // second shift enters the window.
    await t.tdb.db.updateTable('signups').set({ status: 'approved' }).where('id', '=', waiting.id).execute();
    expect(await queueShiftReminders(t.tdb.db, now)).toBe(1);
    expect(await queueShiftReminders(t.tdb.db, new Date(now.getTime() + 7 * HOUR))).toBe(1);
    expect((await remindersOf([tomorrow.id])).length).toBe(1);
  });

  it('runs reminders and the outbox from the job loop, one tick at a time', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(3)] });
    const s = await makeSignup(t.app, { shiftId: a.shiftIds[0] as string });
    // The volunteer chose SMS: the reminder goes out through the provider.
    const user = await t.tdb.db
      .selectFrom('volunteers')
      .select('user_id')
      .where('id', '=', s.volunteerId)
      .executeTakeFirstOrThrow();
    await t.tdb.db
      .insertInto('notification_prefs')
      .values({ user_id: user.user_id, channel: 'sms', enabled: 1 })
      .execute();
    const texts: string[] = [];
    const sms: SmsProvider = {
      send: async (_phone, text) => {
        texts.push(text);
      },
    };
    const transports: Transports = { email: null, sms };
    const jobs = startJobs(t.app.ctx, { intervalMs: 3_600_000, transports });
    try {
      await Promise.all([jobs.tick(), jobs.tick()]);
      await jobs.tick();
    } finally {
      await jobs.stop();
    }
    expect(texts.filter((x) => x.includes('服务提醒'))).toHaveLength(1);
    expect(await remindersOf([s.id])).toHaveLength(1);
  });
});
