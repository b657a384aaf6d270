import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { makeRegions, makeUser, makeVolunteer, PASSWORD } from '../../../../test/factories.js';
import { BACKOFF_BASE_MS, dispatchOutbox, LEASE_MS } from './dispatcher.js';
import { notify } from './notify.js';
import { claimOutboxRow } from './outbox.repository.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.testkit.js';
import { devSmsProvider, smtpTransport, type Transports } from './transports.js';
import type { Locale } from '../../../common/enums.js';

/** The test clock stands still at T0 (any instant serves): notices are queued and sent on it. */
const T0 = '2026-12-01T00:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe.each(DIALECTS)('outbox dispatcher on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let transports: Transports;
  let smsDir: string;
  let mailNo = 0;

  /** A user with a contact e-mail set over the API; returns the address too. */
  const userWithEmail = async (locale: Locale = 'zh-CN') => {
    const u = await makeUser(t.tdb.db);
    await t.tdb.db.updateTable('users').set({ locale }).where('id', '=', u.id).execute();
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const email = `vol${(mailNo += 1)}.${dialect}@example.org`;
    const res = await c.request('PUT', '/api/v1/me/email', { email });
    expect(res.statusCode).toBe(200);
    return { ...u, email, client: c };
  };
  const outboxOf = (notificationId: string) =>
    t.tdb.db.selectFrom('outbox').selectAll().where('notification_id', '=', notificationId).execute();
  const reminder = (userId: string, title = '长江岸线清洁行动') =>
    t.tdb.db.transaction().execute((trx) =>
      notify(trx, {
        userId,
        kind: 'shift_reminder',
        params: { activityTitle: title, shiftStart: '2026-12-02T01:00:00.000Z', address: '渝中区解放碑' },
        data: { shiftId: 'x' },
      }),
    );

  let clock: FrozenClock;

  beforeAll(async () => {
    clock = freezeClock(T0);
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    smtp = await startSmtpSink();
    smsDir = mkdtempSync(join(tmpdir(), 'shanmei-sms-'));
    transports = {
      email: smtpTransport(smtp.url, '善美 <no-reply@shanmei.test>'),
      sms: devSmsProvider(join(smsDir, 'sms.log')),
    };
  });
  afterAll(async () => {
    transports.email?.close?.();
    await smtp.close();
    rmSync(smsDir, { recursive: true, force: true });
    await t.close();
    clock.restore();
  });
  beforeEach(async () => {
    clock.set(T0);
    smtp.rejecting = false;
    // Each test starts from a drained outbox, so counts are its own.
    await t.tdb.db.updateTable('outbox').set({ status: 'skipped' }).where('status', '=', 'pending').execute();
  });

  it('sends a real e-mail in the recipient language with the outbox id as Message-ID', async () => {
    const zh = await userWithEmail('zh-CN');
    const en = await userWithEmail('en');
    const zhId = (await reminder(zh.id)) as string;
    await reminder(en.id, 'River clean-up');
    const before = smtp.mails.length;

    const r = await dispatchOutbox(t.app.ctx, { now: T0, transports });
    expect(r).toMatchObject({ sent: 2, retried: 0, failed: 0 });
    const got = smtp.mails.slice(before);
    const [zhRow] = await outboxOf(zhId);
    const zhMail = got.find((m) => m.to.includes(zh.email));
    expect(zhMail?.subject).toBe('服务提醒：班次即将开始');
    expect(zhMail?.text).toContain('「长江岸线清洁行动」将于 2026年12月2日 09:00 开始，地点：渝中区解放碑');
    expect(zhMail?.messageId).toBe(`<${zhRow?.id}@shanmei>`);
    expect(zhMail?.text).toContain('「我的 → 通知设置」');
    const enMail = got.find((m) => m.to.includes(en.email));
    expect(enMail?.subject).toBe('Reminder: your shift is coming up');
    expect(enMail?.text).toContain('"River clean-up" starts at Dec 2, 2026, 9:00');
    expect(zhRow).toMatchObject({ status: 'sent', attempts: 1, sent_at: T0, locked_until: null });

    // Sent rows are done: another round sends nothing.
    expect((await dispatchOutbox(t.app.ctx, { now: at(3_600_000), transports })).sent).toBe(0);
    expect(smtp.mails.length).toBe(before + 2);
  });

  it('keeps a refused e-mail pending with backoff, then sends it exactly once', async () => {
    const u = await userWithEmail();
    const id = (await reminder(u.id)) as string;
    const before = smtp.mails.length;
    smtp.rejecting = true;

    expect(await dispatchOutbox(t.app.ctx, { now: T0, transports })).toMatchObject({ sent: 0, retried: 1 });
    const [row] = await outboxOf(id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: at(BACKOFF_BASE_MS),
      locked_until: null,
    });
    expect(row?.last_error).toMatch(/550/);
    expect(row?.last_error).not.toContain(u.email);
    expect(row?.last_error?.length).toBeLessThanOrEqual(60);

    // Not due yet: nothing happens, even once the server accepts again.
    smtp.rejecting = false;
    expect((await dispatchOutbox(t.app.ctx, { now: at(BACKOFF_BASE_MS - 1), transports })).sent).toBe(0);
    expect(smtp.mails.length).toBe(before);

    expect((await dispatchOutbox(t.app.ctx, { now: at(BACKOFF_BASE_MS), transports })).sent).toBe(1);
    expect((await dispatchOutbox(t.app.ctx, { now: at(10 * BACKOFF_BASE_MS), transports })).sent).toBe(0);
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(u.email))).toHaveLength(1);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('doubles the delay after each failure and gives up after the last attempt', async () => {
    const u = await userWithEmail();
    const id = (await reminder(u.id)) as string;
    smtp.rejecting = true;
    await dispatchOutbox(t.app.ctx, { now: T0, transports, maxAttempts: 3 });
    await dispatchOutbox(t.app.ctx, { now: at(BACKOFF_BASE_MS), transports, maxAttempts: 3 });
    expect((await outboxOf(id))[0]).toMatchObject({ attempts: 2, next_attempt_at: at(3 * BACKOFF_BASE_MS) });
    const r = await dispatchOutbox(t.app.ctx, { now: at(3 * BACKOFF_BASE_MS), transports, maxAttempts: 3 });
    expect(r.failed).toBe(1);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('sends each row once when two dispatchers run at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await reminder((await userWithEmail()).id, `活动${i}`)) as string);
    const before = smtp.mails.length;
    const [a, b] = await Promise.all([
      dispatchOutbox(t.app.ctx, { now: T0, transports, batch: 50 }),
      dispatchOutbox(t.app.ctx, { now: T0, transports, batch: 50 }),
    ]);
    expect(a.sent + b.sent).toBe(12);
    const got = smtp.mails.slice(before);
    expect(got).toHaveLength(12);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(12);
  });

  it('leaves a row leased by another process alone until the lease runs out (at least once)', async () => {
    const u = await userWithEmail();
    const id = (await reminder(u.id)) as string;
    const [row] = await outboxOf(id);
    // Another process claimed it and died before marking it.
    expect(await claimOutboxRow(t.tdb.db, row?.id as string, T0, at(LEASE_MS))).toBe(true);
    expect(await claimOutboxRow(t.tdb.db, row?.id as string, T0, at(LEASE_MS))).toBe(false);
    expect((await dispatchOutbox(t.app.ctx, { now: at(LEASE_MS - 1), transports })).sent).toBe(0);
    expect((await dispatchOutbox(t.app.ctx, { now: at(LEASE_MS + 1), transports })).sent).toBe(1);
  });

  it('respects channel preferences, at queue time and at send time', async () => {
    const off = await userWithEmail();
    expect((await off.client.request('PUT', '/api/v1/me/notification-prefs', { email: false })).statusCode).toBe(200);
    const id = (await reminder(off.id)) as string;
    expect(await outboxOf(id)).toHaveLength(0);

    const later = await userWithEmail();
    const queued = (await reminder(later.id)) as string;
    await later.client.request('PUT', '/api/v1/me/notification-prefs', { email: false });
    const before = smtp.mails.length;
    expect((await dispatchOutbox(t.app.ctx, { now: T0, transports })).skipped).toBe(1);
    expect(smtp.mails.length).toBe(before);
    expect((await outboxOf(queued))[0]?.status).toBe('skipped');
    // The inbox has both regardless.
    const inbox = (await off.client.get('/api/v1/me/notifications')).json();
    expect(inbox.items).toHaveLength(1);
  });

  it('texts through the SMS provider with the number masked in the development log', async () => {
    const v = await makeVolunteer(t.app);
    const c = await new Client(t.app).login(v.phone, PASSWORD);
    expect((await c.request('PUT', '/api/v1/me/notification-prefs', { sms: true })).json()).toMatchObject({
      sms: true,
      email: true,
      inApp: true,
    });
    const id = (await reminder(v.userId)) as string;
    expect((await outboxOf(id)).map((r) => r.channel)).toEqual(['sms']);
    expect((await dispatchOutbox(t.app.ctx, { now: T0, transports })).sent).toBe(1);
    const log = readFileSync(join(smsDir, 'sms.log'), 'utf8');
    expect(log).toContain(`${v.phone.slice(0, 3)}****${v.phone.slice(-4)}`);
    expect(log).toContain('【善美】服务提醒');
    expect(log).not.toContain(v.phone);
  });
});
