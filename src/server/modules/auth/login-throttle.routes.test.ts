import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { makeRegions, makeUser, makeVolunteer, PASSWORD } from '../../../../test/factories.js';
import { smsCode } from '../../../../test/sms.js';
import { createTestApp, LogCapture, TEST_SECRET, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from '../../context.js';

describe.each(DIALECTS)('login throttling on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock;
  let n = 0;
  /** A login from an address of its own unless one is given. */
  const login = (app: App, login: string, password: string, remoteAddress = `10.70.${++n % 250}.${n % 251}`) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, remoteAddress });
  const waitOf = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());
  afterEach(() => clock?.restore());

  it('counts the phone and the volunteer code of one account together', async () => {
    clock = freezeClock();
    const v = await makeVolunteer(t.app);
    for (const l of [v.phone, v.volunteerCode, v.phone, v.volunteerCode, v.phone]) {
      expect((await login(t.app, l, 'wrong-password-1')).statusCode).toBe(401);
    }
    const sixth = await login(t.app, v.volunteerCode, 'wrong-password-1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(waitOf(sixth)).toBe(10);
    // The right password must wait too: the delay applies to whoever tries.
    expect((await login(t.app, v.phone, PASSWORD)).statusCode).toBe(429);
  });

  it('lets the owner in once the delay has passed, however many failures an attacker made', async () => {
    clock = freezeClock();
    const u = await makeUser(t.tdb.db, { username: 'owner-of-it' });
    // The attacker: five free guesses, then one guess per delay, the delay doubling.
    for (let i = 0; i < 5; i++) expect((await login(t.app, u.username, `guess-number-${i}`)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const early = await login(t.app, u.username, 'guess-too-soon');
      expect(early.statusCode).toBe(429);
      waits.push(waitOf(early));
      clock.advance(waitOf(early) * 1000);
      expect((await login(t.app, u.username, `guess-later-${i}`)).statusCode).toBe(401);
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
    // The owner, arriving during the attacker's latest delay, is told how long to wait — at most ten minutes…
    const told = await login(t.app, u.username, PASSWORD);
    expect(told.statusCode).toBe(429);
    expect(waitOf(told)).toBeLessThanOrEqual(600);
    clock.advance(waitOf(told) * 1000);
    // …and then gets in; the failures are forgotten.
    expect((await login(t.app, u.username, PASSWORD)).statusCode).toBe(200);
    expect((await login(t.app, u.username, 'one-typo-here')).statusCode).toBe(401);
    expect((await login(t.app, u.username, PASSWORD)).statusCode).toBe(200);
  });

  it('throttles an unknown login exactly like a known one', async () => {
    clock = freezeClock();
    await makeUser(t.tdb.db, { username: 'known-one' });
    const statuses = async (who: string) => {
      const out: number[] = [];
      for (let i = 0; i < 7; i++) out.push((await login(t.app, who, 'wrong-password-2')).statusCode);
      return out;
    };
    const known = await statuses('known-one');
    expect(await statuses('nobody-at-all')).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('slows a busy address down without locking it: a shared NAT gets in after a short wait', async () => {
    clock = freezeClock();
    const nat = '10.80.0.1';
    const u = await makeUser(t.tdb.db, { username: 'behind-the-nat' });
    // Fifty failures an hour from one address cost nothing (each login only twice, so no account delay).
    for (let i = 0; i < 50; i++) {
      expect((await login(t.app, `unknown-${Math.floor(i / 2)}`, 'wrong-password-3', nat)).statusCode).toBe(401);
    }
    const slowed = await login(t.app, u.username, PASSWORD, nat);
    expect(slowed.statusCode).toBe(429);
    expect(waitOf(slowed)).toBe(1);
    // Another address is not slowed at all.
    expect((await login(t.app, u.username, PASSWORD, '10.80.0.2')).statusCode).toBe(200);
    // More failures grow the wait, up to 30 s and no further.
    let wait = 1;
    for (let i = 0; i < 8; i++) {
      clock.advance(wait * 1000);
      expect((await login(t.app, `other-${i}`, 'wrong-password-3', nat)).statusCode).toBe(401);
      wait = waitOf(await login(t.app, u.username, PASSWORD, nat));
    }
    expect(wait).toBe(30);
    clock.advance(wait * 1000);
    expect((await login(t.app, u.username, PASSWORD, nat)).statusCode).toBe(200);
  });

  it('keeps the counts in the database: a new app on the same database still knows them', async () => {
    clock = freezeClock();
    const u = await makeUser(t.tdb.db, { username: 'across-restarts' });
    for (let i = 0; i < 5; i++) expect((await login(t.app, u.username, 'wrong-password-4')).statusCode).toBe(401);
    const config = loadConfig(
      { LOG_LEVEL: 'silent', SHANMEI_RATE_LIMITS: 'on' },
      { databaseUrl: t.tdb.url, secret: TEST_SECRET },
    );
    const second = await buildApp(config, t.tdb, { logStream: new LogCapture() });
    await second.ready();
    try {
      const res = await login(second, u.username, PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(waitOf(res)).toBe(10);
    } finally {
      await second.close();
    }
    const rows = await t.tdb.db.selectFrom('security_counters').select('key').execute();
    expect(rows.map((r) => r.key).join(' ')).not.toContain(u.username);
  });

  it('sends Retry-After with the 429 of an SMS code asked for twice in a minute', async () => {
    const phone = '13900001111';
    expect(await smsCode(t, phone)).toMatch(/^\d{6}$/);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verification-codes',
      payload: { phone, purpose: 'register' },
      remoteAddress: '10.81.0.1',
    });
    expect(again.statusCode).toBe(429);
    expect(waitOf(again)).toBe(60);
    expect(again.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: 60 } });
  });
});
