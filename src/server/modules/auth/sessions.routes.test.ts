import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { makeRegions, makeUser, PASSWORD } from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { lastUseOf } from './last-use.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock | undefined;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { SHANMEI_TRUSTED_PROXIES: '127.0.0.1' } });
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());
  afterEach(() => clock?.restore());

  // Last uses are written in batches: what the requests so far noted, then the table.
  const lastSeen = async (userId: string) => {
    await lastUseOf(t.app.ctx.database).flush();
    const rows = await t.tdb.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', userId).execute();
    return rows.map((r) => r.last_seen_at);
  };

  it('ends a session unused for the idle timeout (12 hours), and keeps a used one alive', async () => {
    clock = freezeClock();
    const u = await makeUser(t.tdb.db, { username: 'idle-one' });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const opened = await lastSeen(u.id);
    // Within a minute nothing is written: the last use is kept to the minute, not per request.
    clock.advance(30_000);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(await lastSeen(u.id)).toEqual(opened);
    // A volunteer checks in at the start of a long shift and out at its end.
    clock.advance(719 * MINUTE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(await lastSeen(u.id)).toEqual([clock.iso()]);
    clock.advance(719 * MINUTE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    clock.advance(721 * MINUTE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect(await lastSeen(u.id)).toEqual([]);
  });

  it('ends an admin’s session after an hour unused', async () => {
    clock = freezeClock();
    const u = await makeUser(t.tdb.db, {
      username: 'idle-admin',
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: '500103' }],
    });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    clock.advance(59 * MINUTE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    clock.advance(61 * MINUTE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the user ends, and no one else’s', async () => {
    const u = await makeUser(t.tdb.db, { username: 'many-devices' });
    const other = await makeUser(t.tdb.db, { username: 'someone-else' });
    const phone = await new Client(t.app).login(u.username, PASSWORD);
    const laptop = await new Client(t.app).login(u.username, PASSWORD);
    const theirs = await new Client(t.app).login(other.username, PASSWORD);
    const res = await laptop.post('/api/v1/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 2 });
    expect(String(res.headers['set-cookie'])).toMatch(/shanmei_session=;/);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses log-out-everywhere to anonymous callers and to cookies without the CSRF header', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all' })).statusCode).toBe(401);
    const u = await makeUser(t.tdb.db, { username: 'csrf-less' });
    const logged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: u.username, password: PASSWORD },
    });
    const cookie = String(logged.headers['set-cookie']).split(';')[0] ?? '';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('marks the cookie Secure when the request came over HTTPS through the trusted proxy, not over plain HTTP', async () => {
    const u = await makeUser(t.tdb.db, { username: 'cookie-one' });
    const login = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: u.username, password: PASSWORD },
        headers,
      });
    const overTls = await login({ 'x-forwarded-proto': 'https' });
    expect(overTls.statusCode).toBe(200);
    expect(String(overTls.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await login({});
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});

describe('SHANMEI_SECURE_COOKIES', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { SHANMEI_SECURE_COOKIES: 'on' } });
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  it('marks the cookie Secure on a public host, never on plain http://localhost', async () => {
    const u = await makeUser(t.tdb.db, { username: 'secure-env' });
    const login = (host: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: u.username, password: PASSWORD },
        headers: { host },
      });
    expect(String((await login('volunteer.example.org')).headers['set-cookie'])).toMatch(/; Secure/);
    expect(String((await login('localhost:8080')).headers['set-cookie'])).not.toMatch(/Secure/);
    expect(String((await login('127.0.0.1:8080')).headers['set-cookie'])).not.toMatch(/Secure/);
  });
});
