import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grant,
  makePhone,
  makeRegions,
  makeVolunteer,
  PASSWORD,
  REGIONS,
  type MadeVolunteer,
} from '../../../../test/factories.js';
import { smsCode } from '../../../../test/sms.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

const NEW_PASSWORD = 'a-brand-new-password-7';

describe.each(DIALECTS)('codes by SMS, password reset and change on %s', (dialect) => {
  let t: TestApp;
  let address = 0;
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as string, remoteAddress: `10.60.0.${(address += 1)}` });

  /** A token made by logging in with the password, as an API client would (admins and organisers may). */
  const tokenOf = async (c: Client, userId: string) => {
    await grant(t.tdb.db, userId, 'region_admin', 'region', REGIONS.yuzhong);
    const res = await c.request('POST', '/api/v1/auth/tokens', { name: 'script' });
    expect(res.statusCode).toBe(201);
    return res.json().token as string;
  };
  const withToken = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  it('answers a reset code request alike for a known and an unknown phone, sending a code to the known only', async () => {
    const v = await makeVolunteer(t.app);
    const unknown = makePhone();
    const a = await post('/api/v1/verification-codes', { phone: v.phone, purpose: 'password_reset' });
    const b = await post('/api/v1/verification-codes', { phone: unknown, purpose: 'password_reset' });
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    expect(t.sms.lastCode(v.phone)).toMatch(/^\d{6}$/);
    expect(t.sms.to(unknown)).toEqual([]);
    expect(t.logs.text()).not.toContain(v.phone);
  });

  it('resets the password with the code, ending every session and API token', async () => {
    const v: MadeVolunteer = await makeVolunteer(t.app);
    const session = await new Client(t.app).login(v.phone, PASSWORD);
    const token = await tokenOf(session, v.userId);
    expect((await withToken(token)).statusCode).toBe(200);
    const code = (await smsCode(t, v.phone, 'password_reset')) as string;

    const wrong = await post('/api/v1/auth/password-reset', {
      phone: v.phone,
      verificationCode: code === '000000' ? '000001' : '000000',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'VERIFICATION_FAILED',
      details: { field: 'body.verificationCode' },
    });
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);

    const ok = await post('/api/v1/auth/password-reset', {
      phone: v.phone,
      verificationCode: code,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await withToken(token)).statusCode).toBe(401);
    await expect(new Client(t.app).login(v.phone, PASSWORD)).rejects.toThrow(/401/);
    await new Client(t.app).login(v.phone, NEW_PASSWORD);
    // A code serves once.
    const again = await post('/api/v1/auth/password-reset', {
      phone: v.phone,
      verificationCode: code,
      newPassword: PASSWORD,
    });
    expect(again.statusCode).toBe(422);
  });

  it('changes the password with the current one, keeping this session and ending the others and every token', async () => {
    const v = await makeVolunteer(t.app);
    const here = await new Client(t.app).login(v.phone, PASSWORD);
    const there = await new Client(t.app).login(v.volunteerCode, PASSWORD);
    const token = await tokenOf(there, v.userId);
    const wrong = await here.request('PUT', '/api/v1/me/password', {
      currentPassword: 'not-my-password',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'WRONG_PASSWORD', details: { field: 'body.currentPassword' } });
    const short = await here.request('PUT', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { field: 'body.newPassword', reason: 'password_too_short' },
    });

    const ok = await here.request('PUT', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await there.get('/api/v1/me')).statusCode).toBe(401);
    expect((await withToken(token)).statusCode).toBe(401);
    await new Client(t.app).login(v.phone, NEW_PASSWORD);
  });

  it('follows the access checklist and refuses bad input naming the field', async () => {
    expect((await post('/api/v1/verification-codes', { phone: makePhone(), purpose: 'phone_change' })).statusCode).toBe(
      401,
    );
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(anonymous.statusCode).toBe(401);
    const cases: [string, unknown, string][] = [
      ['/api/v1/verification-codes', { phone: '12345', purpose: 'register' }, 'phone'],
      ['/api/v1/verification-codes', { phone: makePhone(), purpose: 'login' }, 'purpose'],
      ['/api/v1/verification-codes', { phone: makePhone(), purpose: 'register', extra: 1 }, 'extra'],
      [
        '/api/v1/auth/password-reset',
        { phone: makePhone(), verificationCode: '12', newPassword: NEW_PASSWORD },
        'verificationCode',
      ],
      [
        '/api/v1/auth/password-reset',
        { phone: makePhone(), verificationCode: '123456', newPassword: 'x'.repeat(129) },
        'newPassword',
      ],
    ];
    for (const [url, body, field] of cases) {
      const res = await post(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
    // A reset for a phone that got no code: the same refusal as a wrong code.
    const none = await post('/api/v1/auth/password-reset', {
      phone: makePhone(),
      verificationCode: '123456',
      newPassword: NEW_PASSWORD,
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('VERIFICATION_FAILED');
  });
});
