import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeRegions, makeUser, PASSWORD } from '../../../../test/factories.js';

describe.each(DIALECTS)('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    await makeUser(t.tdb.db, {
      username: 'alice',
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: '500103' }],
    });
  });
  afterAll(() => t.close());

  it('answers health with the dialect', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: dialect });
  });

  it('logs in, shows me with roles and a CSRF token, and logs out', async () => {
    const c = await new Client(t.app).login('alice', PASSWORD);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'alice' },
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: '500103' }],
    });
    expect(me.headers['set-cookie']).toBeUndefined();
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'alice', password: PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'alice', password: 'nope-nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'The login or the password is wrong' },
    });
    const nobody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'nobody', password: 'x' },
    });
    expect(nobody.json()).toEqual(res.json());
  });

  it('slows failed logins per account: after five, the next waits (429 with Retry-After)', async () => {
    await makeUser(t.tdb.db, { username: 'bob' });
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'bob', password: 'wrong-password' },
        remoteAddress: `10.0.0.${Math.floor(Math.random() * 250)}`,
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'bob', password: PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('requires the CSRF header for cookie requests that change state', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'alice', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('issues bearer tokens that need no CSRF header', async () => {
    const c = await new Client(t.app).login('alice', PASSWORD);
    const tok = await c.post('/api/v1/auth/tokens', { name: 'ci' });
    expect(tok.statusCode).toBe(201);
    const { token } = tok.json() as { token: string };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('alice');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(401);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' } });
    expect(anon.statusCode).toBe(401);
  });

  it('answers malformed input with 4xx and the error shape', async () => {
    const cases = [
      { headers: { 'content-type': 'application/json' }, payload: '{"login":' },
      { headers: { 'content-type': 'text/plain' }, payload: 'hello' },
      {
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ login: 'a', password: 'b', extra: 1 }),
      },
      {
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ login: 'a'.repeat(500), password: 'b' }),
      },
      { headers: { 'content-type': 'application/json' }, payload: '[]' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', ...c });
      expect(res.statusCode, c.payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, c.payload).toBeLessThan(500);
      expect(res.json().error.message).toEqual(expect.any(String));
    }
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/organisations', '/api/v1/sites']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('answers unknown routes with a 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
