import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { testNow } from '../../../../test/clock.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { readSheet } from '../../../../test/insurance-factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { wallTime } from '../../../common/zoned-time.js';

const DAY = 86_400_000;

/** 04:00 UTC (noon in Chongqing) `daysAgo` days back: the same day in UTC and in the platform's zone. */
const noonAgo = (daysAgo: number) => new Date(Math.floor(testNow() / DAY) * DAY - daysAgo * DAY + 4 * 3_600_000);

describe.each(DIALECTS)("an organisation's records, filtered and exported, on %s", (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  const ids = { cleanA: '', cleanB: '', lecture: '', foreign: '' };
  let chen: { id: string; volunteerCode: string };
  let wang: { id: string; volunteerCode: string };
  let cleaning: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    chen = await makeVolunteer(t.app, { name: '陈小美' });
    wang = await makeVolunteer(t.app, { name: '王大江' });
    const activity = async (orgId: string, title: string) =>
      (await makeActivity(t.app, { orgId, createdBy: tree.teamAdmin.userId, title })).id;
    cleaning = await activity(tree.teamId, '长江岸线清洁');
    const lecture = await activity(tree.subTeamId, '文明实践宣讲');
    const record = (volunteerId: string, activityId: string, organisationId: string, daysAgo: number) =>
      insertPendingRecord(t.tdb.db, {
        volunteerId,
        activityId,
        organisationId,
        startAt: noonAgo(daysAgo).toISOString(),
        minutes: 90,
      });
    ids.cleanA = await record(chen.id, cleaning, tree.teamId, 6);
    ids.cleanB = await record(wang.id, cleaning, tree.teamId, 3);
    ids.lecture = await record(chen.id, lecture, tree.subTeamId, 1);
    ids.foreign = await record(wang.id, await activity(tree.otherTeamId, '沙坪坝护河'), tree.otherTeamId, 1);
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await tree.teamAdmin.client.get(`/api/v1/records?organisationId=${tree.teamId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; volunteerName: string; volunteerCode: string; activityTitle: string }[];
  };
  const day = (daysAgo: number) => noonAgo(daysAgo).toISOString().slice(0, 10);

  it('names who served and in which activity, across the subtree', async () => {
    const items = await list('');
    expect(items.map((r) => r.id)).toEqual([ids.lecture, ids.cleanB, ids.cleanA]);
    expect(items[0]).toMatchObject({
      volunteerName: '陈小美',
      volunteerCode: chen.volunteerCode,
      activityTitle: '文明实践宣讲',
      status: 'pending',
      hours: 1.5,
    });
  });

  it('filters by status, activity, local days and the volunteer', async () => {
    const idsOf = async (q: string) => (await list(q)).map((r) => r.id);
    expect(await idsOf(`&activityId=${cleaning}`)).toEqual([ids.cleanB, ids.cleanA]);
    expect(await idsOf(`&from=${day(3)}&to=${day(3)}`)).toEqual([ids.cleanB]);
    expect(await idsOf(`&from=${day(4)}`)).toEqual([ids.lecture, ids.cleanB]);
    expect(await idsOf(`&to=${day(4)}`)).toEqual([ids.cleanA]);
    expect(await idsOf(`&volunteer=${encodeURIComponent('陈小')}`)).toEqual([ids.lecture, ids.cleanA]);
    expect(await idsOf(`&volunteer=${wang.volunteerCode.toLowerCase()}`)).toEqual([ids.cleanB]);
    // a wildcard typed in the name stays a character, not "anything"
    expect(await idsOf(`&volunteer=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await idsOf('&status=confirmed')).toEqual([]);
    const backwards = await tree.teamAdmin.client.get(
      `/api/v1/records?organisationId=${tree.teamId}&from=${day(1)}&to=${day(3)}`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/to/);
    const notADay = await tree.teamAdmin.client.get(`/api/v1/records?organisationId=${tree.teamId}&from=2026-13-01`);
    expect(notADay.statusCode).toBe(400);
  });

  it('exports the filtered records as .xlsx to its organisers only, audited without the name typed', async () => {
    const u = (org: string, q = '') => `/api/v1/records.xlsx?organisationId=${org}${q}`;
    expect((await t.app.inject({ method: 'GET', url: u(tree.teamId) })).statusCode).toBe(401);
    const volunteer = await makeVolunteer(t.app, { name: '李路人' });
    const stranger = await clientFor(t.app, volunteer.userId);
    expect((await stranger.get(u(tree.teamId))).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.get(u(tree.teamId))).statusCode).toBe(404);
    expect((await tree.teamAdmin.client.get('/api/v1/records.xlsx')).statusCode).toBe(400);
    expect((await tree.teamAdmin.client.get(u(tree.teamId, `&from=${day(1)}&to=${day(3)}`))).statusCode).toBe(400);

    const res = await tree.teamAdmin.client.get(u(tree.teamId, `&volunteer=${encodeURIComponent('陈小')}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="records-start_now\.xlsx"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = (await readSheet(res.rawPayload)).map((r) => r.slice(1));
    expect(rows[0]?.[1]).toBe('开始 Start (Asia/Shanghai)');
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[8], r[10]])).toEqual([
      [
        day(1),
        wallTime(noonAgo(1), 'Asia/Shanghai').replace('T', ' '),
        chen.volunteerCode,
        '陈小美',
        '文明实践宣讲',
        1.5,
        'pending',
        ids.lecture,
      ],
      [
        day(6),
        wallTime(noonAgo(6), 'Asia/Shanghai').replace('T', ' '),
        chen.volunteerCode,
        '陈小美',
        '长江岸线清洁',
        1.5,
        'pending',
        ids.cleanA,
      ],
    ]);
    expect(rows.slice(1).some((r) => r.includes(ids.foreign))).toBe(false);

    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id', 'details'])
      .where('action', '=', 'record.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: tree.teamAdmin.userId, entity_id: tree.teamId });
    expect(audit[0]?.details).not.toMatch(/陈/);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ byVolunteer: true, status: null });
  });
});
