import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { grant, makeRegions, makeUser, makeVolunteer, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { smsCode } from '../../../../test/sms.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import type { ApiToken, NewApiToken } from '../../../common/contract/tokens.js';

const DAY = 86_400_000;
const NEW_PASSWORD = 'a-brand-new-password-7';
const YUZHONG_ADMIN = [{ role: 'region_admin' as const, scopeType: 'region' as const, scopeId: REGIONS.yuzhong }];

describe.each(DIALECTS)('API tokens on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock | undefined;
  let address = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });
  afterAll(() => t.close());

  const bearer = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const me = (token: string) => bearer(token, 'GET', '/api/v1/me');
  const mint = async (c: Client, body: Record<string, unknown> = { name: 'script' }) => {
    const res = await c.post('/api/v1/auth/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as NewApiToken;
  };
  const listOf = async (c: Client) => {
    const res = await c.get('/api/v1/auth/tokens');
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: ApiToken[] }).items;
  };
  const adminSession = async () => {
    const u = await makeUser(t.tdb.db, { roles: YUZHONG_ADMIN });
    return { ...u, client: await new Client(t.app).login(u.username, PASSWORD) };
  };

  it('lets admins and organisers make tokens from a session, never volunteers, nor a token', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' } });
    expect(anon.statusCode).toBe(401);

    const v = await makeVolunteer(t.app);
    const volunteer = await new Client(t.app).login(v.phone, PASSWORD);
    const refused = await volunteer.post('/api/v1/auth/tokens', { name: 'script' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only admins and organisers may make API tokens',
      details: { reason: 'token_makers_only' },
    });

    const organiser = await makeUser(t.tdb.db, {
      roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: 'any-team' }],
    });
    const made = await mint(await new Client(t.app).login(organiser.username, PASSWORD), { name: 'sync' });
    expect(made).toMatchObject({ name: 'sync', scope: 'full', lastUsedAt: null });
    expect(made.token).toMatch(/^smt_/);
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(90 * DAY);

    // A token cannot make a longer-lived one.
    const chained = await bearer(made.token, 'POST', '/api/v1/auth/tokens', { name: 'again' });
    expect(chained.statusCode).toBe(403);
    expect(chained.json().error.details.reason).toBe('token_needs_session');
  });

  it('refuses bad token requests naming the field', async () => {
    const { client } = await adminSession();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', days: 0 }, 'days'],
      [{ name: 'x', days: 366 }, 'days'],
      [{ name: 'x', days: 1.5 }, 'days'],
      [{ name: 'x', scope: 'admin' }, 'scope'],
      [{ name: 'x', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await client.post('/api/v1/auth/tokens', body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
  });

  it('ends a token at its expiry with 401 and the error body, and keeps lastUsedAt to the minute', async () => {
    clock = freezeClock();
    const admin = await adminSession();
    const { client } = admin;
    const made = await mint(client, { name: 'one day', days: 1 });
    expect(made.expiresAt).toBe(clock.iso(DAY));

    expect((await me(made.token)).statusCode).toBe(200);
    const firstUse = clock.iso();
    expect((await listOf(client)).find((x) => x.id === made.id)?.lastUsedAt).toBe(firstUse);
    // Within the minute: no write.
    clock.advance(30_000);
    expect((await me(made.token)).statusCode).toBe(200);
    expect((await listOf(client)).find((x) => x.id === made.id)?.lastUsedAt).toBe(firstUse);
    clock.advance(31_000);
    expect((await me(made.token)).statusCode).toBe(200);
    expect((await listOf(client)).find((x) => x.id === made.id)?.lastUsedAt).toBe(clock.iso());

    clock.set(Date.parse(made.expiresAt) - 1);
    expect((await me(made.token)).statusCode).toBe(200);
    clock.set(made.expiresAt);
    const ended = await me(made.token);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    // A day on, the admin's session has long been idle: they sign in again to look.
    const again = await new Client(t.app).login(admin.username, PASSWORD);
    expect((await listOf(again)).map((x) => x.id)).not.toContain(made.id);
  });

  it('lets a read token GET and HEAD only: POST, PUT and DELETE answer 403', async () => {
    const { client } = await adminSession();
    const read = await mint(client, { name: 'dashboard', scope: 'read' });
    expect(read.scope).toBe('read');
    expect((await me(read.token)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'HEAD', url: '/api/v1/me', headers: { authorization: `Bearer ${read.token}` } }))
        .statusCode,
    ).toBe(200);
    expect((await bearer(read.token, 'GET', '/api/v1/auth/tokens')).statusCode).toBe(200);
    const writes: ['POST' | 'PUT' | 'DELETE', string, unknown][] = [
      [
        'POST',
        '/api/v1/organisations',
        { name: '只读测试', kind: 'team', level: 'district', regionCode: REGIONS.yuzhong, fields: [] },
      ],
      ['PUT', '/api/v1/me/email', { email: 'read@example.org' }],
      ['DELETE', `/api/v1/auth/tokens/${read.id}`, undefined],
    ];
    for (const [method, url, body] of writes) {
      const res = await bearer(read.token, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'token_read_only' } });
    }
    // Nothing was written, and the token still stands.
    expect((await listOf(client)).map((x) => x.id)).toContain(read.id);
    const full = await mint(client, { name: 'writer' });
    expect((await bearer(full.token, 'DELETE', `/api/v1/auth/tokens/${read.id}`)).statusCode).toBe(204);
  });

  it("lists only the caller's own tokens, never a secret, and revokes one; another's is a 404", async () => {
    const a = await adminSession();
    const b = await adminSession();
    const first = await mint(a.client, { name: 'first', days: 30 });
    const second = await mint(a.client, { name: 'second', scope: 'read' });
    const theirs = await mint(b.client, { name: 'theirs' });

    const res = await a.client.get('/api/v1/auth/tokens');
    const items = (res.json() as { items: ApiToken[] }).items;
    expect(items.map((x) => x.id)).toEqual([second.id, first.id]);
    expect(items[1]).toEqual({
      id: first.id,
      name: 'first',
      scope: 'full',
      createdAt: first.createdAt,
      expiresAt: first.expiresAt,
      lastUsedAt: null,
    });
    for (const secret of [first.token, second.token, theirs.token, theirs.id]) expect(res.body).not.toContain(secret);

    const notMine = await a.client.del(`/api/v1/auth/tokens/${theirs.id}`);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('NOT_FOUND');
    expect((await me(theirs.token)).statusCode).toBe(200);
    expect((await a.client.del('/api/v1/auth/tokens/no-such-token')).statusCode).toBe(404);

    expect((await a.client.del(`/api/v1/auth/tokens/${first.id}`)).statusCode).toBe(204);
    const revoked = await me(first.token);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('UNAUTHENTICATED');
    expect((await a.client.del(`/api/v1/auth/tokens/${first.id}`)).statusCode).toBe(404);
    expect((await listOf(a.client)).map((x) => x.id)).toEqual([second.id]);
    expect((await me(second.token)).statusCode).toBe(200);
    expect(t.logs.text()).not.toContain(first.token);
  });

  it('revokes every token of the user on a password change, and on a reset by SMS code', async () => {
    const v = await makeVolunteer(t.app);
    await grant(t.tdb.db, v.userId, 'region_admin', 'region', REGIONS.yuzhong);
    const here = await new Client(t.app).login(v.phone, PASSWORD);
    const tokens = [await mint(here, { name: 'a' }), await mint(here, { name: 'b', scope: 'read' })];
    const other = await adminSession();
    const bystander = await mint(other.client);

    const changed = await here.request('PUT', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(204);
    for (const x of tokens) expect((await me(x.token)).statusCode).toBe(401);
    expect(await listOf(here)).toEqual([]);
    expect((await me(bystander.token)).statusCode).toBe(200);

    const again = await mint(here, { name: 'after the change' });
    expect((await me(again.token)).statusCode).toBe(200);
    const code = (await smsCode(t, v.phone, 'password_reset')) as string;
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { phone: v.phone, verificationCode: code, newPassword: PASSWORD },
      remoteAddress: `10.71.0.${(address += 1)}`,
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(again.token)).statusCode).toBe(401);
    expect((await me(bystander.token)).statusCode).toBe(200);
  });

  it('revokes every token when the account is closed', async () => {
    const v = await makeVolunteer(t.app);
    await grant(t.tdb.db, v.userId, 'team_admin', 'organisation', 'a-team');
    const session = await new Client(t.app).login(v.phone, PASSWORD);
    const made = await mint(session, { name: 'before closing' });
    // Roles are handed over before an account closes (closure.service.ts); the token stays until then.
    await t.tdb.db.deleteFrom('role_grants').where('user_id', '=', v.userId).execute();
    expect((await me(made.token)).statusCode).toBe(200);
    const closed = await session.post('/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(closed.statusCode).toBe(204);
    expect((await me(made.token)).statusCode).toBe(401);
    const row = await t.tdb.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', made.id)
      .executeTakeFirst();
    expect(row?.revoked_at).toEqual(expect.any(String));
  });

  describe('personal-data exports', () => {
    const fullExport = `/api/v1/exports/volunteers?format=csv&full=true&regionCode=${REGIONS.jiefangbei}`;
    const withPassword = (c: Client, url: string, password?: string) =>
      c.request('GET', url, undefined, password === undefined ? {} : { 'x-confirm-password': password });

    it('gives ID numbers and phones in full only to a session that confirms the password, never to a token', async () => {
      const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
      const admin = await adminSession();

      const missing = await withPassword(admin.client, fullExport);
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error.details.reason).toBe('password_confirmation_required');
      const wrong = await withPassword(admin.client, fullExport, 'not-my-password');
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'The password is wrong',
        details: { reason: 'password_confirmation_wrong' },
      });
      const ok = await withPassword(admin.client, fullExport, PASSWORD);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain(v.idNumber);
      expect(ok.body).toContain(v.phone);
      // Masked exports ask for nothing.
      const masked = await withPassword(admin.client, fullExport.replace('full=true', 'full=false'));
      expect(masked.statusCode).toBe(200);
      expect(masked.body).not.toContain(v.idNumber);

      for (const scope of ['full', 'read']) {
        const tok = await mint(admin.client, { name: `export ${scope}`, scope });
        const res = await t.app.inject({
          method: 'GET',
          url: fullExport,
          headers: { authorization: `Bearer ${tok.token}`, 'x-confirm-password': PASSWORD },
        });
        expect(res.statusCode, scope).toBe(403);
        expect(res.json().error.details.reason).toBe('personal_data_needs_session');
        expect(res.body).not.toContain(v.idNumber);
      }
      expect(t.logs.text()).not.toContain(PASSWORD);
      expect(t.logs.text()).not.toContain('not-my-password');
    });

    it("asks the volunteer's password for their own export, refuses tokens, and stops guessing after five", async () => {
      const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
      await grant(t.tdb.db, v.userId, 'team_admin', 'organisation', 'a-team');
      const self = await new Client(t.app).login(v.phone, PASSWORD);
      const tok = await mint(self, { name: 'own export' });
      const byToken = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/export',
        headers: { authorization: `Bearer ${tok.token}`, 'x-confirm-password': PASSWORD },
      });
      expect(byToken.statusCode).toBe(403);
      expect(byToken.body).not.toContain(v.idNumber);
      expect((await withPassword(self, '/api/v1/me/export')).statusCode).toBe(403);
      const ok = await withPassword(self, '/api/v1/me/export', PASSWORD);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().volunteer).toMatchObject({ idNumber: v.idNumber, phone: v.phone });

      for (let i = 0; i < 5; i++)
        expect((await withPassword(self, '/api/v1/me/export', `wrong-${i}`)).statusCode).toBe(403);
      const blocked = await withPassword(self, '/api/v1/me/export', PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
    });
  });
});
