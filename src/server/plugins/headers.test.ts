import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../test/test-app.js';

describe('security headers', () => {
  let t: TestApp;
  let secure: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'shanmei-web-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><title>善美</title><script type="module" src="/a.js"></script>',
    );
    t = await createTestApp('sqlite', {
      webRoot,
      env: { SHANMEI_MAP_TILES: 'https://tiles.example.org/{z}/{x}/{y}.png' },
    });
    secure = await createTestApp('sqlite', { env: { SHANMEI_SECURE_COOKIES: 'on' } });
  });
  afterAll(async () => {
    await t.close();
    await secure.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends the web app with a policy that allows no inline script and no framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/activities' });
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // The configured map tiles may be drawn; no other origin may.
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tiles\.example\.org(;|$)/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // Over plain HTTP (the default) there is no HSTS: it would lock a browser out of a test box.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps API answers out of every cache, personal ones included, and says so on errors too', async () => {
    const u = await makeUser(t.tdb.db, { roles: [] });
    const me = await (await new Client(t.app).login(u.username, u.password)).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('adds HSTS where the deployment is served over HTTPS (SHANMEI_SECURE_COOKIES)', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
