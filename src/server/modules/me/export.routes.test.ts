import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, JIEFANGBEI } from '../../../../test/activity-factories.js';
import { makeUser, makeVolunteer, PASSWORD, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { submitted } from '../../../../test/reports.js';
import {
  addGoods,
  fund,
  makeSupermarketScene,
  redeem,
  type SupermarketScene,
} from '../../../../test/supermarket-fixtures.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { EXPORTS_PER_HOUR, type DataExport } from '../../../common/contract/data-export.js';
import { issueMemberCode } from '../../platform/codes.js';
import { at, codeOf, makeScene, makeShift, signUp, type Scene } from '../checkin/checkin.test-helpers.js';
import { testNow } from '../../../../test/clock.js';

interface Footprint {
  volunteer: MadeVolunteer;
  email: string;
  shiftId: string;
  redemptionId: string;
  notificationId: string;
  reportId: string;
}

describe.each(DIALECTS)('GET /api/v1/me/export on %s', (dialect) => {
  let t: TestApp;
  let market: SupermarketScene;
  let scene: Scene;

  /** A volunteer with something in every section: membership, shift, check-in and out, points, goods, a notice. */
  async function leaveFootprints(name: string): Promise<Footprint> {
    const volunteer = await makeVolunteer(t.app, { name, skills: ['急救'], fields: ['ecology'] });
    const self = await clientFor(t.app, volunteer.userId);
    const email = `${volunteer.volunteerCode.toLowerCase()}@example.org`;
    expect((await self.request('PUT', '/api/v1/me/email', { email })).statusCode).toBe(200);
    const member = await scene.organiser.post(`/api/v1/organisations/${scene.tree.teamId}/members`, {
      volunteerId: volunteer.id,
      role: 'member',
    });
    expect(member.statusCode).toBe(201);
    // A membership by consent: the invitation is a notice, which the volunteer accepts.
    expect((await self.post(`/api/v1/memberships/${member.json().id}/accept`, {})).statusCode).toBe(200);
    const { shiftId } = await makeShift(t, scene);
    await signUp(t, shiftId, { volunteerId: volunteer.id, userId: volunteer.userId, client: self });
    const { token } = await codeOf(scene.organiser, shiftId);
    expect((await self.post('/api/v1/checkins', at(token))).statusCode).toBe(201);
    expect((await self.post('/api/v1/checkouts', at(token))).statusCode).toBe(200);
    await fund(t, volunteer.id, 40);
    const goods = await addGoods(market.clerk.client, market.siteId, { points: 15 });
    const memberCode = issueMemberCode(t.app.ctx.cipher, volunteer.id, 30).token;
    const r = await redeem(market.clerk.client, market.siteId, memberCode, [{ goodsId: goods.id, qty: 1 }]);
    expect(r.statusCode).toBe(201);
    const q = await market.regionAdmin.client.post(`/api/v1/volunteers/${volunteer.id}/qualifications`, {
      kind: 'first_aid',
      expiresAt: '2030-12-31',
    });
    expect(q.statusCode).toBe(201);
    const honour = await market.regionAdmin.client.post('/api/v1/honours', {
      subjectKind: 'volunteer',
      subjectId: volunteer.id,
      name: `${name}：优秀志愿者`,
      level: 'district',
      year: 2024,
      issuer: '渝中区文明办',
    });
    expect(honour.statusCode, honour.body).toBe(201);
    // A report (随手拍) with the position the volunteer agreed to give; nothing routes it here.
    const report = await submitted(self, { category: 'water', regionCode: REGIONS.jiefangbei, position: JIEFANGBEI });
    const inbox = (await self.get('/api/v1/me/notifications')).json() as { items: { id: string; kind: string }[] };
    const notificationId = inbox.items.find((n) => n.kind === 'membership_invited')?.id;
    return {
      volunteer,
      email,
      shiftId,
      redemptionId: (r.json() as { id: string }).id,
      notificationId: notificationId ?? '',
      reportId: report.id,
    };
  }

  let mine: Footprint;
  let theirs: Footprint;
  let me: Client;

  /** The export, the password confirmed as the web app does (tokens.routes.test.ts: refusals). */
  const exportOf = (c: Client) => c.request('GET', '/api/v1/me/export', undefined, { 'x-confirm-password': PASSWORD });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    market = await makeSupermarketScene(t);
    scene = await makeScene(t);
    mine = await leaveFootprints('甲导出');
    theirs = await leaveFootprints('乙旁人');
    me = await new Client(t.app).login(mine.volunteer.phone, PASSWORD);
  });
  afterAll(() => t.close());

  it('answers 401 to the anonymous and 403 to a user who is not a volunteer', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/me/export' });
    expect(anon.statusCode).toBe(401);
    const admin = await makeUser(t.tdb.db, {
      roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }],
    });
    const res = await exportOf(await new Client(t.app).login(admin.username, PASSWORD));
    expect(res.statusCode).toBe(403);
    expect((res.json() as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it("downloads the caller's own data in full, as an uncached attachment, and nothing of anyone else", async () => {
    const res = await exportOf(me);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="shanmei-my-data-${mine.volunteer.volunteerCode}-${new Date(testNow()).toISOString().slice(0, 10)}.json"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = res.json() as DataExport;
    const v = mine.volunteer;

    expect(doc.about).toMatchObject({ format: 'shanmei-export/1', truncated: [] });
    expect(doc.volunteer).toMatchObject({
      id: v.id,
      volunteerCode: v.volunteerCode,
      name: '甲导出',
      idNumber: v.idNumber,
      phone: v.phone,
      email: mine.email,
      skills: ['急救'],
      fields: ['ecology'],
    });
    expect(doc.notificationPrefs).toMatchObject({ inApp: true, email: true });
    expect(doc.memberships).toEqual([
      expect.objectContaining({ organisationId: scene.tree.teamId, volunteerId: v.id, role: 'member' }),
    ]);
    expect(doc.memberships[0]?.organisationName).toBe('渝中区生态环境志愿服务队');
    expect(doc.signups.map((s) => s.shiftId)).toEqual([mine.shiftId]);
    expect(doc.attendance).toHaveLength(1);
    expect(doc.attendance[0]).toMatchObject({ shiftId: mine.shiftId, volunteerId: v.id, inMethod: 'self_scan' });
    expect(doc.attendance[0]?.checkIn.lat).toBeCloseTo(29.5576, 4);
    expect(doc.attendance[0]?.checkOut?.accuracyM).toBe(20);
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0]).toMatchObject({ volunteerId: v.id, status: 'pending', source: 'self' });
    expect(doc.points.balance).toBe(25);
    expect(doc.points.statement.map((i) => [i.kind, i.amount])).toEqual([
      ['redeem', -15],
      ['adjust', 40],
    ]);
    expect(doc.redemptions.map((r) => r.id)).toEqual([mine.redemptionId]);
    expect(doc.notifications.map((n) => n.id)).toEqual([mine.notificationId]);
    expect(doc.qualifications).toEqual([
      expect.objectContaining({ volunteerId: v.id, kind: 'first_aid', expiresAt: '2030-12-31' }),
    ]);
    expect(doc.honours).toEqual([
      expect.objectContaining({
        subjectKind: 'volunteer',
        subjectId: v.id,
        name: '甲导出：优秀志愿者',
        level: 'district',
        year: 2024,
        issuer: '渝中区文明办',
        points: 0,
        canDelete: false,
      }),
    ]);

    expect(doc.reports).toEqual([
      {
        id: mine.reportId,
        category: 'water',
        text: '河边有人倾倒垃圾',
        regionCode: REGIONS.jiefangbei,
        regionName: expect.any(String) as string,
        position: JIEFANGBEI,
        observedAt: expect.any(String) as string,
        status: 'unrouted',
        organisationName: null,
        points: 0,
        createdAt: expect.any(String) as string,
        closedAt: null,
      },
    ]);

    // Nothing of the other volunteer, in any form.
    const o = theirs.volunteer;
    for (const needle of [o.id, o.userId, o.volunteerCode, o.idNumber, o.phone, '乙旁人', theirs.email]) {
      expect(res.body).not.toContain(needle);
    }
    for (const id of [theirs.shiftId, theirs.redemptionId, theirs.notificationId, theirs.reportId])
      expect(res.body).not.toContain(id);
  });

  it('audits each export without personal data, and keeps the ID number, phone and e-mail out of the log', async () => {
    const v = mine.volunteer;
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'volunteer.export')
      .where('entity_id', '=', v.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(v.userId);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      counts: {
        memberships: 1,
        signups: 1,
        attendance: 1,
        records: 1,
        statement: 2,
        redemptions: 1,
        notifications: 1,
        honours: 1,
        reports: 1,
      },
    });
    const logs = t.logs.text();
    expect(logs).toContain('/api/v1/me/export');
    const everything = `${logs}\n${JSON.stringify(await t.tdb.db.selectFrom('audit_log').selectAll().execute())}`;
    for (const needle of [v.idNumber, v.idNumber.slice(6, 14), v.phone, v.phone.slice(3), mine.email]) {
      expect(everything).not.toContain(needle);
    }
  });

  it(`refuses more than ${EXPORTS_PER_HOUR} exports an hour per account, not per address`, async () => {
    // One export so far in this suite (above); the rest of the hour's allowance, then a 429.
    for (let i = 1; i < EXPORTS_PER_HOUR; i++) expect((await exportOf(me)).statusCode).toBe(200);
    const refused = await exportOf(me);
    expect(refused.statusCode).toBe(429);
    expect((refused.json() as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Another volunteer from the same address is not held back.
    const ok = await exportOf(await new Client(t.app).login(theirs.volunteer.phone, PASSWORD));
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as DataExport).volunteer.volunteerCode).toBe(theirs.volunteer.volunteerCode);
  });
});
