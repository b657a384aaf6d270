import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeActivity,
  shiftAt,
  type MadeActivity,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { testNow } from '../../../../test/clock.js';
import { makeResidentId, makeVolunteer, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import type { Client, TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { chinaToday } from '../../../common/id-numbers.js';
import { verifyLedger } from '../points/index.js';
import { verifyStats } from '../stats/index.js';
import {
  csvFile,
  filledTemplate,
  importFile,
  importScene,
  loginWith,
  reportOf,
  xlsxFile,
} from './imports.test-helpers.js';
import { settleImports } from './imports.worker.js';

const HEADER = ['志愿者编号', '证件号码', '活动名称*', '服务日期*', '时长(小时)*', '组织名称*', '备注'];
const KIND = { kind: 'records' };
const DAY = 86_400_000;
/** The local day `n` days before now (negative: after). */
const daysAgo = (n: number) => chinaToday(new Date(testNow() - n * DAY));
const TEAM = '渝中区生态环境志愿服务队';
const CLEAN = '长江岸线清洁行动';

describe.each(DIALECTS)('service record imports on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let admin: { id: string; client: Client };
  let secondAdmin: Client;
  let yuzhongAdmin: Client;
  let clean: MadeActivity;
  let clinicEarly: MadeActivity;
  let clinicLate: MadeActivity;
  let v1: MadeVolunteer;
  let v2: MadeVolunteer;
  let v3: MadeVolunteer;

  const recordsOf = (volunteerId: string) =>
    t.tdb.db
      .selectFrom('service_records')
      .selectAll()
      .where('volunteer_id', '=', volunteerId)
      // By day: ids are in order within one thread, and the import writes from its own.
      .orderBy('service_date')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    ({ t, tree, admin, yuzhongAdmin } = await importScene(dialect));
    secondAdmin = (await loginWith(t, [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }])).client;
    clean = await makeActivity(t.app, { orgId: tree.teamId, title: CLEAN });
    // Two activities of one title, told apart by their days.
    clinicEarly = await makeActivity(t.app, { orgId: tree.teamId, title: '社区义诊', shifts: [shiftAt(-10 * 24)] });
    clinicLate = await makeActivity(t.app, { orgId: tree.teamId, title: '社区义诊', shifts: [shiftAt(-3 * 24)] });
    [v1, v2, v3] = [await makeVolunteer(t.app), await makeVolunteer(t.app), await makeVolunteer(t.app)];
    // Volunteers made by the factory are counted already; its activities count nothing until a record is confirmed.
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it('imports every good row as a pending late record and reports each bad one', async () => {
    await insertPendingRecord(t.tdb.db, {
      volunteerId: v2.id,
      activityId: clean.id,
      organisationId: tree.teamId,
      startAt: new Date(testNow() - 7 * DAY).toISOString(),
      serviceDate: daysAgo(7),
      minutes: 60,
    });
    const valid = makeResidentId();
    const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const file = await xlsxFile([
      HEADER,
      [v1.volunteerCode, '', CLEAN, daysAgo(5), '2', TEAM, '清理岸线垃圾'],
      ['', v2.idNumber, CLEAN, daysAgo(5), '1.5', TEAM, ''],
      [v3.volunteerCode, v3.idNumber, '社区义诊', daysAgo(10), '2小时', TEAM, ''],
      [v3.volunteerCode, '', '社区义诊', daysAgo(3), 3, TEAM, ''],
      [v1.volunteerCode, '', '社区义诊', daysAgo(20), '1', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, daysAgo(5), '2', TEAM, ''],
      [v1.volunteerCode, v2.idNumber, CLEAN, daysAgo(6), '2', TEAM, ''],
      ['V0000000000', '', CLEAN, daysAgo(6), '2', TEAM, ''],
      ['', badCheck, CLEAN, daysAgo(6), '2', TEAM, ''],
      ['', Number('500103199001011234'), CLEAN, daysAgo(6), '2', TEAM, ''],
      [v1.volunteerCode, '', '没有的活动', daysAgo(6), '2', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, daysAgo(-1), '2', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, daysAgo(6), '25', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, daysAgo(6), '0.2', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, '2026-02-30', '2', TEAM, ''],
      ['', '', CLEAN, daysAgo(6), '2', TEAM, ''],
      ['', v2.idNumber, CLEAN, daysAgo(7), '2', TEAM, ''],
      [v1.volunteerCode, '', CLEAN, daysAgo(6), '2', '没有的组织', ''],
    ]);
    const { posted, state } = await importFile(admin.client, file, KIND);
    expect(posted.statusCode, posted.body).toBe(202);
    expect(state).toMatchObject({ kind: 'records', status: 'done', total: 18, accepted: 4, rejected: 14 });
    expect(await reportOf(admin.client, state?.id as string)).toEqual([
      ['6', '活动名称 (C)', '该组织有多个同名活动，无法按服务日期区分'],
      ['7', '服务日期 (D)', '与第 2 行重复'],
      ['8', '证件号码 (B)', '志愿者编号与证件号码不是同一个人'],
      ['9', '志愿者编号 (A)', '没有这个志愿者'],
      ['10', '证件号码 (B)', '证件号码校验位不正确'],
      ['11', '证件号码 (B)', expect.stringContaining('Excel')],
      ['12', '活动名称 (C)', expect.stringContaining('该组织没有这个名称的活动')],
      ['13', '服务日期 (D)', '日期在未来'],
      ['14', '时长(小时) (E)', '时长须大于 0 且不超过 24 小时'],
      ['15', '时长(小时) (E)', '按 30 分钟向下取整后时长为 0'],
      ['16', '服务日期 (D)', expect.stringContaining('日期无法识别')],
      ['17', '志愿者编号 (A)', '须填写志愿者编号或证件号码'],
      ['18', '服务日期 (D)', '该志愿者当天已有这项活动的服务记录'],
      ['19', '组织名称 (F)', expect.stringContaining('没有这个组织')],
    ]);
    expect((await reportOf(admin.client, state?.id as string, 'en'))[0]).toEqual([
      '6',
      '活动名称 (C)',
      'The organisation has several activities of this title, and the service date does not tell them apart',
    ]);
    // Late records from the import: pending, kept to their day, traceable to the file's row.
    const [r1] = await recordsOf(v1.id);
    expect(r1).toMatchObject({
      activity_id: clean.id,
      organisation_id: tree.teamId,
      service_date: daysAgo(5),
      minutes: 120,
      content: '清理岸线垃圾',
      source: 'import',
      status: 'pending',
      recorded_by: admin.id,
      evidence: `import:${state?.id}#2`,
      shift_id: null,
    });
    expect((await recordsOf(v2.id)).map((r) => [r.source, r.minutes, r.content])).toEqual([
      ['self', 60, '岸线清洁'],
      ['import', 90, CLEAN],
    ]);
    expect((await recordsOf(v3.id)).map((r) => [r.activity_id, r.minutes])).toEqual([
      [clinicEarly.id, 120],
      [clinicLate.id, 180],
    ]);
    // Nothing counts before a second person confirms.
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
    for (const secret of [v2.idNumber, v3.idNumber, badCheck]) expect(t.logs.text()).not.toContain(secret);

    // The same file again adds nothing.
    const again = await importFile(admin.client, file, KIND);
    expect(again.state).toMatchObject({ status: 'done', accepted: 0, rejected: 18 });
    expect(await recordsOf(v1.id)).toHaveLength(1);
  });

  it('earns hours, points and statistics at the second confirmation, as a late entry does', async () => {
    const rule = await admin.client.post('/api/v1/point-rules', {
      scopeType: 'region',
      scopeId: REGIONS.city,
      pointsPerHour: 10,
      sources: ['import'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const [record] = (await recordsOf(v1.id)).filter((r) => r.source === 'import');
    const own = await admin.client.post(`/api/v1/records/${record?.id}/confirm`);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('SECOND_APPROVER_REQUIRED');
    const confirmed = await secondAdmin.post(`/api/v1/records/${record?.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', source: 'import', hours: 2 });
    const shown = await secondAdmin.get(`/api/v1/volunteers/${v1.id}`);
    expect(shown.json()).toMatchObject({ hours: 2, pointsBalance: 20 });
    expect((await verifyLedger(t.tdb.db)).problems).toEqual([]);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
    const overview = await secondAdmin.get(`/api/v1/stats/overview?regionCode=${REGIONS.yuzhong}`);
    expect(overview.json()).toMatchObject({ hours: 2, pointsIssued: 20 });
  });

  it("keeps to the importer's organisations, and writes nothing all or nothing", async () => {
    const scoped = await importFile(
      yuzhongAdmin,
      csvFile([
        HEADER,
        [v3.volunteerCode, '', CLEAN, daysAgo(4), '1', TEAM, ''],
        [v3.volunteerCode, '', CLEAN, daysAgo(4), '1', '沙坪坝区生态环境志愿服务队', ''],
      ]),
      KIND,
    );
    expect(scoped.state).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await reportOf(yuzhongAdmin, scoped.state?.id as string)).toEqual([
      ['3', '组织名称 (F)', '该组织不在您的管辖范围内'],
    ]);
    const before = (await recordsOf(v3.id)).length;
    const { state } = await importFile(
      admin.client,
      csvFile([
        HEADER,
        [v3.volunteerCode, '', CLEAN, daysAgo(8), '1', TEAM, ''],
        [v3.volunteerCode, '', CLEAN, daysAgo(9), '一小时', TEAM, ''],
      ]),
      { ...KIND, allOrNothing: 'true' },
    );
    expect(state).toMatchObject({ status: 'done', accepted: 0, rejected: 1 });
    expect(await reportOf(admin.client, state?.id as string)).toEqual([
      ['3', '时长(小时) (E)', expect.stringContaining('时长无法识别')],
    ]);
    expect(await recordsOf(v3.id)).toHaveLength(before);
  });

  it('reads its own template back', async () => {
    const csv = await admin.client.get('/api/v1/imports/templates/records?format=csv');
    expect(csv.body).toBe('\uFEFF志愿者编号,证件号码,活动名称*,服务日期*,时长(小时)*,组织名称*,备注\r\n');
    const file = await filledTemplate(admin.client, 'records', [
      ['', v1.idNumber, CLEAN, daysAgo(2), '1', TEAM, '引导游客'],
    ]);
    const { state } = await importFile(admin.client, file, KIND);
    expect(state).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
  });
});
