import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makePhone,
  makeRegions,
  makeResidentId,
  makeVolunteer,
  PASSWORD,
  REGIONS,
} from '../../../../test/factories.js';
import { smsCode } from '../../../../test/sms.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

describe.each(DIALECTS)('the password policy over HTTP on %s', (dialect) => {
  let t: TestApp;
  let n = 0;
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as string, remoteAddress: `10.90.${++n % 250}.${n % 251}` });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  const register = async (password: string, o: { phone?: string; idNumber?: string; name?: string } = {}) => {
    const phone = o.phone ?? makePhone();
    const verificationCode = (await smsCode(t, phone)) ?? '000000';
    return post('/api/v1/volunteers', {
      name: o.name ?? '李志愿',
      idType: 'resident_id',
      idNumber: o.idNumber ?? makeResidentId('1990-03-07'),
      phone,
      password,
      regionCode: REGIONS.jiefangbei,
      skills: [],
      fields: [],
      verificationCode,
    });
  };

  const phone = '13987654321';
  const idNumber = makeResidentId('1991-05-06');
  it.each([
    ['short', '12345678', {}, 'password_too_short'],
    ['only spaces', ' '.repeat(12), {}, 'password_blank'],
    ['common', '1234567890', {}, 'password_common'],
    ['common, another case', 'Qwertyuiop', {}, 'password_common'],
    ['holding the phone', `pw-${phone}`, { phone }, 'password_has_phone'],
    ['holding the ID number', `my-${idNumber}`, { idNumber }, 'password_has_id_number'],
    ['holding the last six of the ID', `secret-${idNumber.slice(-6)}`, { idNumber }, 'password_has_id_number'],
    ['holding the name', 'i-am-王小明-here', { name: '王小明' }, 'password_has_name'],
  ])('refuses a %s password at registration with 422 and the reason, never the password', async (_w, pw, o, reason) => {
    const res = await register(pw, o);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { field: 'body.password', reason } });
    expect(err.message).toMatch(/^password: /);
    if (pw.trim()) {
      expect(res.body).not.toContain(pw);
      expect(t.logs.text()).not.toContain(pw);
    }
  });

  it('takes a good password at registration', async () => {
    expect((await register('river-lantern-autumn')).statusCode).toBe(201);
  });

  it('applies the policy to a resident, to a change and to an SMS reset, with the person’s own data', async () => {
    const residentPhone = makePhone();
    const code = (await smsCode(t, residentPhone)) ?? '000000';
    const resident = await post('/api/v1/residents', {
      name: '赵居民',
      phone: residentPhone,
      password: 'password',
      regionCode: REGIONS.jiefangbei,
      verificationCode: code,
    });
    expect(resident.json().error.details.reason).toBe('password_too_short');

    const v = await makeVolunteer(t.app, { name: '周海燕' });
    const c = await new Client(t.app).login(v.phone, PASSWORD);
    const change = (newPassword: string) =>
      c.request('PUT', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword });
    for (const [pw, reason] of [
      ['1qaz2wsx3edc', 'password_common'],
      [`x${v.phone}`, 'password_has_phone'],
      [`id${v.idNumber.slice(-7)}!`, 'password_has_id_number'],
      ['周海燕的新密码是这个', 'password_has_name'],
    ] as const) {
      const res = await change(pw);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { field: 'body.newPassword', reason },
      });
    }
    expect((await change('a-calm-new-passphrase')).statusCode).toBe(204);

    const resetCode = (await smsCode(t, v.phone, 'password_reset')) as string;
    const reset = await post('/api/v1/auth/password-reset', {
      phone: v.phone,
      verificationCode: resetCode,
      newPassword: `reset-${v.phone}`,
    });
    expect(reset.statusCode).toBe(422);
    expect(reset.json().error.details.reason).toBe('password_has_phone');
    // The code was not spent on the refusal: a good password goes through with it.
    const ok = await post('/api/v1/auth/password-reset', {
      phone: v.phone,
      verificationCode: resetCode,
      newPassword: 'another-fine-passphrase',
    });
    expect(ok.statusCode).toBe(204);
  });

  it('lets a stored password that the policy would now refuse keep working', async () => {
    const v = await makeVolunteer(t.app, { password: 'pw-123456' });
    await expect(new Client(t.app).login(v.phone, 'pw-123456')).resolves.toBeInstanceOf(Client);
  });
});
