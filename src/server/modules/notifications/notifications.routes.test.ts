import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { makeRegions, makeUser, PASSWORD } from '../../../../test/factories.js';
import { notify, type NotificationInput } from '../../platform/notify/notify.js';
import type { Locale } from '../../../common/enums.js';

describe.each(DIALECTS)('notification inbox and preferences on %s', (dialect) => {
  let t: TestApp;
  let me: { id: string; client: Client };
  let other: { id: string; client: Client };

  const person = async (locale: Locale = 'zh-CN') => {
    const u = await makeUser(t.tdb.db);
    await t.tdb.db.updateTable('users').set({ locale }).where('id', '=', u.id).execute();
    return { id: u.id, client: await new Client(t.app).login(u.username, PASSWORD) };
  };
  const notifyNow = (n: NotificationInput) => t.tdb.db.transaction().execute((trx) => notify(trx, n));
  const anon = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    me = await person();
    other = await person('en');
  });
  afterAll(() => t.close());

  it('follows the access checklist: anonymous 401, someone else’s notification 404', async () => {
    const theirs = (await notifyNow({ userId: other.id, kind: 'note', title: 't', body: 'b' })) as string;
    expect((await anon('GET', '/api/v1/me/notifications')).statusCode).toBe(401);
    expect((await anon('POST', `/api/v1/me/notifications/${theirs}/read`, {})).statusCode).toBe(401);
    expect((await anon('POST', '/api/v1/me/notifications/read-all', {})).statusCode).toBe(401);
    expect((await anon('GET', '/api/v1/me/notification-prefs')).statusCode).toBe(401);
    expect((await anon('PUT', '/api/v1/me/notification-prefs', { email: false })).statusCode).toBe(401);
    expect((await anon('PUT', '/api/v1/me/email', { email: 'a@example.org' })).statusCode).toBe(401);
    // Every signed-in person has an inbox, so there is no wrong role; another's item is 404.
    expect((await me.client.post(`/api/v1/me/notifications/${theirs}/read`)).statusCode).toBe(404);
    const still = await t.tdb.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', theirs)
      .executeTakeFirst();
    expect(still?.read_at).toBeNull();
    await t.tdb.db.deleteFrom('notifications').where('id', '=', theirs).execute();
  });

  it('renders templated kinds in the recipient language and keeps the plain form', async () => {
    const params = {
      activityTitle: '长江岸线清洁行动',
      shiftStart: '2026-12-01T01:00:00.000Z',
      status: 'waitlisted' as const,
    };
    await notifyNow({ userId: me.id, kind: 'signup_result', params, data: { signupId: 's1' } });
    await notifyNow({ userId: other.id, kind: 'signup_result', params, data: { signupId: 's1' } });
    await notifyNow({ userId: me.id, kind: 'custom', title: '自定义标题', body: '自定义内容' });

    const zh = (await me.client.get('/api/v1/me/notifications')).json();
    expect(zh.unreadCount).toBe(2);
    expect(zh.items[0]).toMatchObject({ kind: 'custom', title: '自定义标题', body: '自定义内容', readAt: null });
    expect(zh.items[1]).toMatchObject({
      kind: 'signup_result',
      title: '报名结果：已进入候补',
      body: '「长江岸线清洁行动」2026年12月1日 09:00 的班次：已进入候补。',
      data: { signupId: 's1' },
    });
    const en = (await other.client.get('/api/v1/me/notifications')).json();
    expect(en.items[0].title).toBe('Sign-up: you are on the wait-list');
    expect(en.items[0].body).toContain('"长江岸线清洁行动", shift at Dec 1, 2026, 9:00');
  });

  it('notifies once per dedupe key', async () => {
    const n = {
      userId: me.id,
      kind: 'points_earned' as const,
      params: { points: 20, balance: 120 },
      dedupeKey: 'pts:1',
    };
    expect(await notifyNow(n)).toEqual(expect.any(String));
    expect(await notifyNow(n)).toBeNull();
    // Two transactions racing for the same key: one wins, neither fails.
    const race = await Promise.all(
      [1, 2].map(() => t.tdb.db.transaction().execute((trx) => notify(trx, { ...n, dedupeKey: 'pts:2' }))),
    );
    expect(race.filter((r) => r !== null)).toHaveLength(1);
    const rows = await t.tdb.db.selectFrom('notifications').select('id').where('dedupe_key', 'like', 'pts:%').execute();
    expect(rows).toHaveLength(2);
  });

  it('pages newest first, marks one and then all read', async () => {
    const u = await person();
    for (let i = 0; i < 5; i++) await notifyNow({ userId: u.id, kind: 'note', title: `n${i}`, body: '' });
    const first = (await u.client.get('/api/v1/me/notifications?limit=2')).json();
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(['n4', 'n3']);
    const second = (await u.client.get(`/api/v1/me/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['n2', 'n1']);
    expect((await u.client.get('/api/v1/me/notifications?cursor=nonsense')).statusCode).toBe(400);

    const read = await u.client.post(`/api/v1/me/notifications/${first.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    const again = await u.client.post(`/api/v1/me/notifications/${first.items[0].id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    const unread = (await u.client.get('/api/v1/me/notifications?unread=true')).json();
    expect(unread).toMatchObject({ unreadCount: 4 });
    expect(unread.items).toHaveLength(4);

    expect((await u.client.post('/api/v1/me/notifications/read-all')).json()).toEqual({ marked: 4, unreadCount: 0 });
    expect((await u.client.get('/api/v1/me/notifications')).json().unreadCount).toBe(0);
  });

  it('stores the contact e-mail encrypted, shows it masked, never logs it', async () => {
    const u = await person();
    const email = 'zhang.volunteer@example.org';
    const res = await u.client.request('PUT', '/api/v1/me/email', { email: `  ${email} ` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ emailMasked: 'zh***@example.org' });
    const row = await t.tdb.db
      .selectFrom('users')
      .select(['email_enc', 'email_masked'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.email_enc).not.toContain('zhang');
    expect(t.app.ctx.cipher.decrypt(row.email_enc as string)).toBe(email);
    expect((await u.client.get('/api/v1/me/notification-prefs')).json()).toEqual({
      inApp: true,
      email: true,
      sms: false,
      emailMasked: 'zh***@example.org',
      phoneMasked: null,
    });
    expect(t.logs.text()).not.toContain('zhang.volunteer');

    const bad = await u.client.request('PUT', '/api/v1/me/email', { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('email');
    expect(bad.json().error.message).not.toContain('not-an-address');
    const removed = await u.client.request('PUT', '/api/v1/me/email', { email: null });
    expect(removed.json()).toEqual({ emailMasked: null });
  });

  it('validates preference bodies and keeps what was not sent', async () => {
    const u = await person();
    const unknown = await u.client.request('PUT', '/api/v1/me/notification-prefs', { push: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('push');
    const wrongType = await u.client.request('PUT', '/api/v1/me/notification-prefs', { sms: 'yes' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('sms');
    await u.client.request('PUT', '/api/v1/me/notification-prefs', { sms: true });
    const both = await u.client.request('PUT', '/api/v1/me/notification-prefs', { email: false });
    expect(both.json()).toMatchObject({ email: false, sms: true, inApp: true });
  });
});
