import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer, type MadeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { setSetting } from '../../platform/settings/settings.service.js';
import { testNow } from '../../../../test/clock.js';

const adultBirth = '1990-03-07';

describe.each(DIALECTS)('sign-up refusals on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  const volunteer = async (birthDate = adultBirth): Promise<MadeVolunteer & { client: BearerClient }> => {
    const v = await makeVolunteer(t.app, { birthDate });
    return { ...v, client: await clientFor(t.app, v.userId) };
  };
  const shiftOf = async (over: Parameters<typeof makeActivity>[1] = {}) =>
    (await makeActivity(t.app, { orgId: tree.teamId, ...over })).shiftIds[0] as string;
  const signUp = (c: BearerClient, shiftId: string) => c.post(`/api/v1/shifts/${shiftId}/signups`, {});
  const expectRefused = async (c: BearerClient, shiftId: string, status: number, code: string, text: string) => {
    const res = await signUp(c, shiftId);
    expect(res.statusCode, code).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toContain(text);
  };

  it('follows the access checklist for signing up', async () => {
    const shiftId = await shiftOf();
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/shifts/${shiftId}/signups`, payload: {} })).statusCode,
    ).toBe(401);
    // an admin without a volunteer record is not a volunteer
    expect((await signUp(tree.teamAdmin.client, shiftId)).statusCode).toBe(403);
    const v = await volunteer();
    const draft = await shiftOf({ status: 'draft' });
    expect((await signUp(v.client, draft)).statusCode).toBe(404);
    expect((await signUp(v.client, 'no-such-shift')).statusCode).toBe(404);
    const ok = await signUp(v.client, shiftId);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'approved', seq: 1 });
    await expectRefused(v.client, shiftId, 409, 'ALREADY_SIGNED_UP', 'already');
  });

  it('refuses cancelled activities, passed deadlines and overlapping shifts', async () => {
    const v = await volunteer();
    const a = await makeActivity(t.app, { orgId: tree.teamId });
    const cancel = await tree.teamAdmin.client.post(`/api/v1/activities/${a.id}/cancel`, { reason: '暴雨' });
    expect(cancel.statusCode).toBe(200);
    await expectRefused(v.client, a.shiftIds[0] as string, 409, 'ACTIVITY_CANCELLED', 'cancelled');

    const past = await shiftOf({ shifts: [shiftAt(-3, 2)] });
    await expectRefused(v.client, past, 422, 'SIGNUP_CLOSED', 'closed');
    const deadline = new Date(testNow() - 60_000).toISOString();
    const closed = await shiftOf({ shifts: [shiftAt(5, 2, { signupDeadline: deadline })] });
    await expectRefused(v.client, closed, 422, 'SIGNUP_CLOSED', deadline);
    // a running shift without a deadline is still open until it ends
    const running = await shiftOf({ shifts: [shiftAt(-1, 2)] });
    expect((await signUp(v.client, running)).statusCode).toBe(201);

    const morning = await shiftOf({ shifts: [shiftAt(30, 3)] });
    const overlapping = await shiftOf({ shifts: [shiftAt(32, 3)] });
    const adjacent = await shiftOf({ shifts: [shiftAt(33, 1)] });
    expect((await signUp(v.client, morning)).statusCode).toBe(201);
    await expectRefused(v.client, overlapping, 409, 'SHIFT_OVERLAP', 'overlaps');
    expect((await signUp(v.client, adjacent)).statusCode).toBe(201);
  });

  it('checks qualifications, their expiry, and age at the shift start', async () => {
    const admin = tree.teamAdmin.client;
    const v = await volunteer();
    // qualifications are recorded by an admin who sees the volunteer: make them a member
    await t.tdb.db
      .insertInto('memberships')
      .values({
        id: `m-${v.id}`,
        organisation_id: tree.teamId,
        volunteer_id: v.id,
        role: 'member',
        status: 'active',
        joined_at: new Date(testNow()).toISOString(),
      })
      .execute();
    const needsAid = await shiftOf({ shifts: [shiftAt(50, 2, { requiredQualifications: ['first_aid'] })] });
    await expectRefused(v.client, needsAid, 422, 'QUALIFICATION_REQUIRED', 'first_aid');
    const expired = await admin.post(`/api/v1/volunteers/${v.id}/qualifications`, {
      kind: 'first_aid',
      expiresAt: '2020-01-01',
    });
    expect(expired.statusCode).toBe(201);
    await expectRefused(v.client, needsAid, 422, 'QUALIFICATION_REQUIRED', 'expired');
    const valid = await admin.post(`/api/v1/volunteers/${v.id}/qualifications`, {
      kind: 'first_aid',
      expiresAt: '2099-12-31',
    });
    expect(valid.statusCode).toBe(201);
    expect((await signUp(v.client, needsAid)).statusCode).toBe(201);

    const teen = await volunteer(`${new Date(testNow()).getUTCFullYear() - 16}-01-01`);
    // a 16-year-old is pending a guardian's consent: let the guardian have consented
    await t.tdb.db.updateTable('volunteers').set({ status: 'active' }).where('id', '=', teen.id).execute();
    const adultsOnly = await shiftOf({ shifts: [shiftAt(60, 2, { minAge: 18 })] });
    await expectRefused(teen.client, adultsOnly, 422, 'AGE_NOT_ALLOWED', 'at least 18');
    const youth = await shiftOf({ shifts: [shiftAt(70, 2, { maxAge: 14 })] });
    await expectRefused(teen.client, youth, 422, 'AGE_NOT_ALLOWED', 'at most 14');
    const teens = await shiftOf({ shifts: [shiftAt(80, 2, { minAge: 14, maxAge: 17 })] });
    expect((await signUp(teen.client, teens)).statusCode).toBe(201);
  });

  it('refuses a volunteer whose guardian has not consented', async () => {
    const minor = await volunteer(`${new Date(testNow()).getUTCFullYear() - 15}-06-01`);
    expect(minor.status).toBe('pending_guardian');
    await expectRefused(minor.client, await shiftOf(), 422, 'VOLUNTEER_NOT_ACTIVE', 'guardian');
  });

  it('suspends sign-up when no-shows reach the limit, and shows the count to organisers', async () => {
    await setSetting(t.tdb.db, 'noShowLimit', 2);
    const v = await volunteer();
    const admin = tree.teamAdmin.client;
    const started = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(-50, 2), shiftAt(-26, 2)] });
    const future = await shiftOf({ shifts: [shiftAt(100, 2)] });
    const upcoming = await makeSignup(t.app, { shiftId: future, volunteerId: v.id });
    expect((await admin.post(`/api/v1/signups/${upcoming.id}/no-show`)).statusCode).toBe(422);
    for (const shiftId of started.shiftIds) {
      const s = await makeSignup(t.app, { shiftId, volunteerId: v.id });
      expect((await v.client.post(`/api/v1/signups/${s.id}/no-show`)).statusCode).toBe(403);
      expect((await tree.otherTeamAdmin.client.post(`/api/v1/signups/${s.id}/no-show`)).statusCode).toBe(404);
      const res = await admin.post(`/api/v1/signups/${s.id}/no-show`);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('no_show');
    }
    const list = (await admin.get(`/api/v1/shifts/${started.shiftIds[1]}/signups`)).json();
    expect(list.items[0]).toMatchObject({ volunteerId: v.id, noShowCount: 2, status: 'no_show' });
    const row = await t.tdb.db
      .selectFrom('volunteers')
      .select('signup_suspended_until')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.signup_suspended_until ?? '')).toBeGreaterThan(testNow() + 29 * 86_400_000);
    await expectRefused(v.client, await shiftOf({ shifts: [shiftAt(120, 1)] }), 422, 'SIGNUP_SUSPENDED', 'no-shows');
    await setSetting(t.tdb.db, 'noShowLimit', 5);
  });
});
