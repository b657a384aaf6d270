import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhone, makeRegions, makeResidentId, makeUser, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { smsCode } from '../../../../test/sms.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';

/** The plain ID number and phone must reach no log line, no answer and no audit entry. */
describe.each(DIALECTS)('volunteer personal data on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  it('keeps the ID number and phone out of logs, answers and the audit log', async () => {
    const idNumber = makeResidentId('1988-08-08');
    const phone = makePhone();
    // The same digits in the other forms a leak could take: lower-case x, spaced out, the tail.
    const needles = [idNumber, idNumber.slice(0, 14), phone, phone.slice(3)];
    const bodies: string[] = [];
    // Registrations go with a code sent to their phone, as the web app's do (a guess when none came).
    const send = async (url: string, payload: Record<string, unknown>, remoteAddress = '10.9.0.1') => {
      const body =
        url === '/api/v1/auth/login' || 'verificationCode' in payload
          ? payload
          : { ...payload, verificationCode: (await smsCode(t, String(payload.phone))) ?? '000000' };
      const res = await t.app.inject({ method: 'POST', url, payload: body, remoteAddress });
      bodies.push(res.body);
      return res;
    };
    const reg = {
      name: '周隐私',
      idType: 'resident_id',
      idNumber,
      phone,
      password: PASSWORD,
      regionCode: REGIONS.yuzhong,
    };

    const ok = await send('/api/v1/volunteers', reg);
    expect(ok.statusCode).toBe(201);
    const failures = [
      await send('/api/v1/volunteers', reg), // duplicate ID number
      await send('/api/v1/volunteers', { ...reg, idNumber: makeResidentId('1970-01-01') }), // duplicate phone
      await send('/api/v1/volunteers', {
        ...reg,
        idNumber: idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'),
      }),
      await send('/api/v1/volunteers', { ...reg, idNumber: `${idNumber.slice(0, 10)}1332${idNumber.slice(14)}` }),
      await send('/api/v1/volunteers', { ...reg, phone: `${phone}9` }),
      await send('/api/v1/volunteers', { ...reg, regionCode: 'nowhere' }),
      await send('/api/v1/volunteers', { ...reg, extra: idNumber }),
      await send('/api/v1/residents', { name: '周', phone, password: PASSWORD, regionCode: REGIONS.yuzhong }),
      await send('/api/v1/auth/login', { login: phone, password: 'wrong-password' }),
    ];
    for (const f of failures) expect(f.statusCode).toBeGreaterThanOrEqual(400);

    // Reads and a profile change by the volunteer and an admin.
    const v = ok.json();
    const self = await new Client(t.app).login(phone, PASSWORD);
    bodies.push((await self.get(`/api/v1/volunteers/${v.id}`)).body);
    bodies.push((await self.get('/api/v1/me')).body);
    const admin = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    const ac = await new Client(t.app).login(admin.username, PASSWORD);
    bodies.push((await ac.get(`/api/v1/volunteers/${v.id}`)).body);
    bodies.push((await ac.get(`/api/v1/volunteers?regionCode=${REGIONS.yuzhong}`)).body);
    const newPhone = makePhone();
    needles.push(newPhone);
    await self.request('POST', '/api/v1/verification-codes', { phone: newPhone, purpose: 'phone_change' });
    const changed = await self.request('PATCH', `/api/v1/volunteers/${v.id}`, {
      phone: newPhone,
      currentPassword: PASSWORD,
      verificationCode: t.sms.lastCode(newPhone),
    });
    expect(changed.statusCode).toBe(200);
    bodies.push(changed.body);

    const logs = t.logs.text();
    expect(logs).toContain('/api/v1/volunteers');
    const audit = JSON.stringify(await t.tdb.db.selectFrom('audit_log').selectAll().execute());
    for (const needle of needles) {
      expect(logs).not.toContain(needle);
      expect(audit).not.toContain(needle);
      for (const b of bodies) expect(b).not.toContain(needle);
    }
  });
});
