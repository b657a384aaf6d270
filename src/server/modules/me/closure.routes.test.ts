import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { isoIn } from '../../../../test/clock.js';
import { allCells } from '../../../../test/db-dump.js';
import { makeUser, makeVolunteer, PASSWORD, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { verifyLedger } from '../points/verify.js';

describe.each(DIALECTS)('closing an account on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  const cells = () => allCells(t.tdb.db, dialect);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  it('erases name, ID number, phone and e-mail everywhere, keeps the service and the ledger, and ends every login', async () => {
    const name = '注销测试人';
    const v: MadeVolunteer = await makeVolunteer(t.app, { name, regionCode: REGIONS.jiefangbei, skills: ['急救'] });
    const self = await new Client(t.app).login(v.phone, PASSWORD);
    const email = `${v.volunteerCode.toLowerCase()}@example.org`;
    expect((await self.request('PUT', '/api/v1/me/email', { email })).statusCode).toBe(200);
    // A token made while she held a role (volunteers make none; tokens.routes.test.ts).
    const { token } = await clientFor(t.app, v.userId);

    // Service done (a record), points held, a place on a shift to come with someone waiting.
    const past = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(-30, 2)] });
    const recordId = await insertPendingRecord(t.tdb.db, {
      volunteerId: v.id,
      activityId: past.id,
      organisationId: tree.teamId,
      startAt: isoIn(-30 * 3_600_000),
      minutes: 120,
    });
    const admin = await clientFor(
      t.app,
      (await makeUser(t.tdb.db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] }))
        .id,
    );
    const adjusted = await admin.post(`/api/v1/volunteers/${v.id}/points/adjustments`, {
      amount: 30,
      reason: '补记',
      idempotencyKey: 'closure-adjust-1',
    });
    expect(adjusted.statusCode).toBe(201);
    expect((await admin.post(`/api/v1/volunteers/${v.id}/qualifications`, { kind: 'first_aid' })).statusCode).toBe(201);
    const honour = { subjectKind: 'volunteer', subjectId: v.id, name: '优秀志愿者', level: 'street', year: 2024 };
    expect((await admin.post('/api/v1/honours', honour)).statusCode).toBe(201);
    const ahead = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(48, 2, { capacity: 1 })] });
    const shiftId = ahead.shiftIds[0] as string;
    const mine = await makeSignup(t.app, { shiftId, volunteerId: v.id });
    const waiting = await makeSignup(t.app, { shiftId, status: 'waitlisted' });

    const confirmMissing = await self.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD });
    expect(confirmMissing.statusCode).toBe(400);
    const wrong = await self.request('POST', '/api/v1/me/close', { currentPassword: 'not-mine', confirm: true });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');

    const closed = await self.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(closed.statusCode).toBe(204);

    // Nothing left that names her.
    const all = await cells();
    for (const secret of [name, v.idNumber, v.phone, email, v.idNumber.slice(6, 14)]) {
      expect(
        all.filter((c) => c.includes(secret)),
        secret,
      ).toEqual([]);
    }
    // No way back in.
    expect((await self.get('/api/v1/me')).statusCode).toBe(401);
    const bearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(401);
    await expect(new Client(t.app).login(v.phone, PASSWORD)).rejects.toThrow(/401/);
    await expect(new Client(t.app).login(v.volunteerCode, PASSWORD)).rejects.toThrow(/401/);

    // Her honours go with her.
    expect(await t.tdb.db.selectFrom('honours').select('id').where('subject_id', '=', v.id).execute()).toEqual([]);
    // The service and the ledger stay, and still add up; her place went to the one waiting.
    expect(await t.tdb.db.selectFrom('service_records').select('id').where('id', '=', recordId).execute()).toHaveLength(
      1,
    );
    expect((await verifyLedger(t.tdb.db)).problems).toEqual([]);
    const signups = await t.tdb.db
      .selectFrom('signups')
      .select(['id', 'status'])
      .where('id', 'in', [mine.id, waiting.id])
      .execute();
    expect(Object.fromEntries(signups.map((s) => [s.id, s.status]))).toEqual({
      [mine.id]: 'cancelled',
      [waiting.id]: 'approved',
    });
    const shown = (await admin.get(`/api/v1/volunteers/${v.id}`)).json();
    expect(shown).toMatchObject({ name: '已注销', status: 'closed', phone: null, birthYear: null, skills: [] });
    // Closing twice is nothing to do.
    expect(
      (await self.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: true })).statusCode,
    ).toBe(401);
  });

  it('keeps an account that administers others until its roles are handed over', async () => {
    const u = await makeUser(t.tdb.db, {
      roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: tree.teamId }],
    });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const res = await c.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'duties_held', roles: ['team_admin'] });
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses the anonymous', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/close',
      payload: { currentPassword: PASSWORD, confirm: true },
    });
    expect(res.statusCode).toBe(401);
  });
});
