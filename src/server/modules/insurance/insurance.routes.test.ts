import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { makeActivityPolicy, readSheet } from '../../../../test/insurance-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { testNow } from '../../../../test/clock.js';

const day = (hoursFromNow: number) =>
  new Date(testNow() + hoursFromNow * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('insurance on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  const policy = (over: Record<string, unknown>) => ({
    insurer: '中国人寿',
    policyNumber: 'PICC-2026-0001',
    startsOn: day(0),
    endsOn: day(24 * 30),
    ...over,
  });

  it('refuses to publish a risky activity until a policy covers its shifts', async () => {
    const admin = tree.teamAdmin.client;
    const a = await makeActivity(t.app, {
      organiserClient: admin,
      orgId: tree.teamId,
      risky: true,
      status: 'draft',
      shifts: [shiftAt(24, 2), shiftAt(24 * 40, 2)],
    });
    const refused = await admin.post(`/api/v1/activities/${a.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('INSURANCE_REQUIRED');
    expect(refused.json().error.message).toContain('insurance');

    // a policy on the organisation that ends before the second shift is not enough
    const orgPolicy = await admin.post('/api/v1/insurance-policies', policy({ organisationId: tree.teamId }));
    expect(orgPolicy.statusCode).toBe(201);
    expect(orgPolicy.json()).toMatchObject({ organisationId: tree.teamId, activityId: null });
    expect((await admin.post(`/api/v1/activities/${a.id}/publish`)).json().error.details).toMatchObject({
      shiftId: a.shiftIds[1],
    });
    const actPolicy = await admin.post(
      '/api/v1/insurance-policies',
      policy({ activityId: a.id, policyNumber: 'PICC-2026-0002', startsOn: day(24 * 35), endsOn: day(24 * 45) }),
    );
    expect(actPolicy.statusCode).toBe(201);
    expect((await admin.post(`/api/v1/activities/${a.id}/publish`)).statusCode).toBe(200);

    const listed = (await admin.get(`/api/v1/insurance-policies?activityId=${a.id}`)).json();
    expect(listed.items.map((p: { policyNumber: string }) => p.policyNumber)).toEqual([
      'PICC-2026-0002',
      'PICC-2026-0001',
    ]);
    const ofOrg = (await admin.get(`/api/v1/insurance-policies?organisationId=${tree.teamId}`)).json();
    expect(ofOrg.items.map((p: { policyNumber: string }) => p.policyNumber)).toEqual(['PICC-2026-0001']);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/insurance-policies?activityId=${a.id}` })).statusCode,
    ).toBe(401);
    expect(
      (await tree.otherTeamAdmin.client.get(`/api/v1/insurance-policies?organisationId=${tree.teamId}`)).statusCode,
    ).toBe(403);
    expect((await admin.get('/api/v1/insurance-policies')).statusCode).toBe(400);
  });

  it('follows the access checklist and validates policies', async () => {
    const v = await makeVolunteer(t.app);
    const vc = await clientFor(t.app, v.userId);
    const body = policy({ organisationId: tree.teamId });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/insurance-policies', payload: body })).statusCode).toBe(
      401,
    );
    expect((await vc.post('/api/v1/insurance-policies', body)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post('/api/v1/insurance-policies', body)).statusCode).toBe(403);
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft' });
    const onDraft = await tree.otherTeamAdmin.client.post(
      '/api/v1/insurance-policies',
      policy({ activityId: draft.id }),
    );
    expect(onDraft.statusCode).toBe(404);
    const admin = tree.teamAdmin.client;
    const cases: [Record<string, unknown>, number, string][] = [
      [policy({}), 400, 'activityId'],
      [policy({ organisationId: tree.teamId, activityId: draft.id }), 400, 'activityId'],
      [policy({ organisationId: tree.teamId, endsOn: '2000-01-01' }), 400, 'endsOn'],
      [policy({ organisationId: tree.teamId, startsOn: '2026-13-01' }), 400, 'startsOn'],
      [policy({ activityId: 'nope' }), 422, 'activityId'],
    ];
    for (const [b, status, field] of cases) {
      const res = await admin.post('/api/v1/insurance-policies', b);
      expect(res.statusCode, field).toBe(status);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('exports the insured participants of a shift as .xlsx with masked personal data', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 2 })] });
    const shiftId = a.shiftIds[0] as string;
    await makeActivityPolicy(t.tdb.db, a.id, 'PA-777');
    const insured = [await makeSignup(t.app, { shiftId }), await makeSignup(t.app, { shiftId })];
    const waiting = await makeSignup(t.app, { shiftId, status: 'waitlisted' });
    const url = `/api/v1/shifts/${shiftId}/insured.xlsx`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const vc = await clientFor(t.app, insured[0]?.volunteer?.userId as string);
    expect((await vc.get(url)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.get(url)).statusCode).toBe(403);
    expect((await tree.teamAdmin.client.get('/api/v1/shifts/nope/insured.xlsx')).statusCode).toBe(404);

    const res = await tree.teamAdmin.client.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]?.slice(1)).toEqual([
      '姓名',
      '志愿者编号',
      '证件类型',
      '证件号码',
      '出生年份',
      '性别',
      '手机号',
      '保单号',
    ]);
    expect(rows).toHaveLength(3);
    const body = rows.slice(1).map((r) => r.slice(1));
    for (const [i, s] of insured.entries()) {
      const v = s.volunteer;
      if (!v) throw new Error('volunteer missing');
      const row = body[i] as string[];
      expect(row[0]).toBe('张志愿');
      expect(row[1]).toBe(v.volunteerCode);
      expect(row[2]).toBe('居民身份证');
      // First and last character, and the birth year only: together never enough to rebuild the number.
      expect(row[3]).toBe(`5${'*'.repeat(16)}${v.idNumber.slice(-1)}`);
      expect(row[4]).toBe(Number(v.idNumber.slice(6, 10)));
      expect(row[6]).toBe(`${v.phone.slice(0, 3)}****${v.phone.slice(-4)}`);
      expect(row[7]).toBe('PA-777');
    }
    const text = JSON.stringify(body);
    const logs = t.logs.text();
    for (const s of [...insured, waiting]) {
      for (const secret of [s.volunteer?.idNumber, s.volunteer?.phone]) {
        expect(text).not.toContain(secret);
        expect(logs).not.toContain(secret);
      }
    }
  });
});
