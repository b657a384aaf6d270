import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { testNow } from '../../../../test/clock.js';
import { makeUser, makeVolunteer, PASSWORD, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { DataExport } from '../../../common/contract/data-export.js';
import { newId, nowIso } from '../../ids.js';
import { pdfQrText, pdfText } from './certificates.test-helpers.js';

const DAY = 86_400_000;
/** 04:00 UTC (noon in Chongqing) `daysAgo` days back: the same day in UTC and in the platform's zone. */
const noonAgo = (daysAgo: number) => new Date(Math.floor(testNow() / DAY) * DAY - daysAgo * DAY + 4 * 3_600_000);
const day = (daysAgo: number) => noonAgo(daysAgo).toISOString().slice(0, 10);

describe.each(DIALECTS)('service certificates on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let chen: MadeVolunteer;
  let chenClient: BearerClient;
  const ids = { clean: '', river: '', foreign: '' };
  const period = () => ({ volunteerId: chen.id, from: day(10), to: day(0) });
  let issued: { code: string; serial: string; url: string; verifyUrl: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    chen = await makeVolunteer(t.app, { name: '陈小美' });
    chenClient = await clientFor(t.app, chen.userId);
    const activity = async (orgId: string, title: string, by: string) =>
      (await makeActivity(t.app, { orgId, createdBy: by, title })).id;
    const cleaning = await activity(tree.teamId, '长江岸线清洁', tree.teamAdmin.userId);
    const foreign = await activity(tree.otherTeamId, '沙坪坝护河', tree.otherTeamAdmin.userId);
    const record = (activityId: string, organisationId: string, daysAgo: number, minutes: number) =>
      insertPendingRecord(t.tdb.db, {
        volunteerId: chen.id,
        activityId,
        organisationId,
        startAt: noonAgo(daysAgo).toISOString(),
        minutes,
      });
    ids.clean = await record(cleaning, tree.teamId, 6, 90);
    ids.river = await record(cleaning, tree.teamId, 3, 120);
    ids.foreign = await record(foreign, tree.otherTeamId, 2, 60);
    for (const [id, c] of [
      [ids.clean, tree.teamAdmin.client],
      [ids.river, tree.teamAdmin.client],
      [ids.foreign, tree.otherTeamAdmin.client],
    ] as const) {
      expect((await c.post(`/api/v1/records/${id}/confirm`)).statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('asks which organisation issues when the period has records of several (谁记录谁证明)', async () => {
    const res = await chenClient.post('/api/v1/certificates', period());
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toMatchObject({
      reason: 'certificate_organisation_needed',
      field: 'organisationId',
    });
  });

  it('issues a volunteer their own certificate, kept in the register, as a PDF with the QR code', async () => {
    const res = await chenClient.post('/api/v1/certificates', { ...period(), organisationId: tree.teamId });
    expect(res.statusCode, res.body).toBe(201);
    issued = res.json();
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(issued.verifyUrl).toMatch(new RegExp(`^https?://[^/]+/verify/${issued.code}$`));
    expect(new URL(issued.url).pathname).toBe(`/api/v1/certificates/${issued.code}/pdf`);

    const pdf = await chenClient.get(new URL(issued.url).pathname);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is subset: the page carries the glyphs it uses, not the font's 8 MB.
    expect(bytes.length).toBeLessThan(400_000);
    const text = pdfText(bytes).replace(/\s+/g, '');
    expect(text).toContain('志愿服务证明');
    expect(text).toContain('陈小美');
    expect(text).toContain('3.5');
    expect(text).toContain(issued.serial);
    expect(text).toContain(issued.code);
    expect(text).toContain('长江岸线清洁');
    expect(text).toContain('渝中区生态环境志愿服务队');
    expect(text).toContain(chen.volunteerCode);
    expect(text).not.toContain(chen.idNumber);
    expect(text).not.toContain('沙坪坝护河');
    expect(pdfQrText(bytes)).toBe(issued.verifyUrl);

    const mine = (await chenClient.get('/api/v1/certificates')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ code: issued.code, serial: issued.serial, totalHours: 3.5 });
    const org = await tree.teamAdmin.client.get(`/api/v1/certificates?organisationId=${tree.teamId}`);
    expect(org.json().items.map((c: { code: string }) => c.code)).toEqual([issued.code]);
    expect((await tree.teamAdmin.client.get(new URL(issued.url).pathname)).statusCode).toBe(200);
  });

  it('lets anyone verify the code, and only what the certificate shows', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify/${issued.code}` });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      serial: issued.serial,
      volunteerName: '陈小美',
      volunteerCode: chen.volunteerCode,
      organisationName: '渝中区生态环境志愿服务队',
      totalHours: 3.5,
      revokedRecords: 0,
    });
    expect(v.records.map((r: { date: string; hours: number }) => [r.date, r.hours])).toEqual([
      [day(6), 1.5],
      [day(3), 2],
    ]);
    expect(res.body).not.toContain(chen.idNumber);
    expect(v.idNumberMasked).not.toBe(chen.idNumber);
    // A team with no leader member names the first admin granted over it.
    const admin = await t.tdb.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', tree.teamAdmin.userId)
      .executeTakeFirstOrThrow();
    expect(v.responsibleName).toBe(admin.display_name);

    const madeUp = await t.app.inject({ method: 'GET', url: '/api/v1/certificates/verify/0123456789ABCDEFGHJKMNPQ' });
    expect(madeUp.statusCode).toBe(404);
  });

  it('says so on the verification when a record on it is revoked after issue', async () => {
    const revoke = await tree.teamAdmin.client.post(`/api/v1/records/${ids.river}/revoke`, { reason: '重复登记' });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify/${issued.code}` })).json();
    expect(v.revokedRecords).toBe(1);
    expect(v.records.map((r: { revoked: boolean }) => r.revoked)).toEqual([false, true]);
    // The certificate keeps what it printed.
    expect(v.totalHours).toBe(3.5);
  });

  it("puts the register of the volunteer's certificates in their own data export, revocations told", async () => {
    const self = await new Client(t.app).login(chen.phone, PASSWORD);
    const res = await self.request('GET', '/api/v1/me/export', undefined, { 'x-confirm-password': PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json() as DataExport;
    expect(doc.certificates).toEqual([
      {
        serial: issued.serial,
        code: issued.code,
        organisationName: '渝中区生态环境志愿服务队',
        from: day(10),
        to: day(0),
        totalHours: 3.5,
        issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        status: 'revoked',
        revokedRecords: 1,
      },
    ]);
    expect(doc.about.truncated).toEqual([]);
    const other = await makeVolunteer(t.app, { name: '无证明' });
    const theirs = await new Client(t.app).login(other.phone, PASSWORD);
    const none = await theirs.request('GET', '/api/v1/me/export', undefined, { 'x-confirm-password': PASSWORD });
    expect((none.json() as DataExport).certificates).toEqual([]);
    expect(none.body).not.toContain(issued.code);
  });

  it('refuses a volunteer another volunteer, and an organiser volunteers who never served with it', async () => {
    const wang = await makeVolunteer(t.app, { name: '王大江' });
    const wangClient = await clientFor(t.app, wang.userId);
    const other = await wangClient.post('/api/v1/certificates', { ...period(), organisationId: tree.teamId });
    expect(other.statusCode).toBe(404);
    expect((await wangClient.get(`/api/v1/certificates/${issued.code}/pdf`)).statusCode).toBe(404);
    expect((await wangClient.get('/api/v1/certificates')).json().items).toEqual([]);

    // The sub-team's admin: an organiser, but chen never served with the sub-team.
    const sub = await makeUser(t.tdb.db, {
      roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: tree.subTeamId }],
    });
    const subClient = await clientFor(t.app, sub.id);
    expect((await subClient.post('/api/v1/certificates', period())).statusCode).toBe(404);
    expect((await subClient.get(`/api/v1/certificates/${issued.code}/pdf`)).statusCode).toBe(404);
    expect((await subClient.get(`/api/v1/certificates?organisationId=${tree.teamId}`)).statusCode).toBe(404);

    // Shapingba's admin issues for the service it recorded, and only that; its leader member is its 负责人.
    const leader = await makeVolunteer(t.app, { name: '赵队长' });
    await t.tdb.db
      .insertInto('memberships')
      .values({
        id: newId(),
        organisation_id: tree.otherTeamId,
        volunteer_id: leader.id,
        role: 'leader',
        status: 'active',
        joined_at: nowIso(),
      })
      .execute();
    const theirs = await tree.otherTeamAdmin.client.post('/api/v1/certificates', period());
    expect(theirs.statusCode, theirs.body).toBe(201);
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify/${theirs.json().code}` })).json();
    expect(v).toMatchObject({
      organisationName: '沙坪坝区生态环境志愿服务队',
      totalHours: 1,
      responsibleName: '赵队长',
    });
    const notTheirs = await tree.otherTeamAdmin.client.post('/api/v1/certificates', {
      ...period(),
      organisationId: tree.teamId,
    });
    expect(notTheirs.statusCode).toBe(422);
    expect(notTheirs.json().error.details.reason).toBe('certificate_no_records');

    const empty = await chenClient.post('/api/v1/certificates', { volunteerId: chen.id, from: day(40), to: day(30) });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.reason).toBe('certificate_no_records');
  });

  it('keeps the certificate when the volunteer closes their account, naming nobody', async () => {
    const self = await new Client(t.app).login(chen.phone, PASSWORD);
    const closed = await self.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(closed.statusCode, closed.body).toBe(204);
    const v = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify/${issued.code}` });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ serial: issued.serial, volunteerName: '已注销', idNumberMasked: '—' });
    expect(v.body).not.toContain('陈小美');
  });

  it('builds the links on SHANMEI_PUBLIC_URL when it is set', async () => {
    const other = await createTestApp(dialect, { env: { SHANMEI_PUBLIC_URL: 'https://zyz.example.org/' } });
    try {
      const tr = await makeOrganisationTree(other.app);
      const v = await makeVolunteer(other.app, { name: '李明' });
      const act = (await makeActivity(other.app, { orgId: tr.teamId, createdBy: tr.teamAdmin.userId })).id;
      const rec = await insertPendingRecord(other.tdb.db, {
        volunteerId: v.id,
        activityId: act,
        organisationId: tr.teamId,
        startAt: noonAgo(1).toISOString(),
        minutes: 60,
      });
      expect((await tr.teamAdmin.client.post(`/api/v1/records/${rec}/confirm`)).statusCode).toBe(200);
      const res = await tr.teamAdmin.client.post('/api/v1/certificates', {
        volunteerId: v.id,
        from: day(2),
        to: day(0),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().verifyUrl).toBe(`https://zyz.example.org/verify/${res.json().code}`);
    } finally {
      await other.close();
    }
  });
});
