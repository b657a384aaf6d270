import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, REGIONS } from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { EXPORT_KINDS } from '../../../common/contract/exports.js';
import { adminClient, auditOf, makeExportScene, recordsOf, rowsOf, type ExportScene } from './exports.test-helpers.js';

describe.each(DIALECTS)('GET /api/v1/exports/:kind on %s', (dialect) => {
  let t: TestApp;
  let s: ExportScene;
  let system: Client;
  let yuzhong: { id: string; client: Client };
  let volunteer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeExportScene(t);
    system = (await adminClient(t, 'system_admin', 'system', 'system')).client;
    yuzhong = await adminClient(t, 'region_admin', 'region', REGIONS.yuzhong);
    volunteer = await new Client(t.app).login(s.yuzhong.volunteer.phone, s.yuzhong.volunteer.password);
  });
  afterAll(() => t.close());

  /** What identifies a row of each kind in the file, and the scene's value for each district. */
  const keyOf = {
    volunteers: ['志愿者编号', (d: ExportScene['yuzhong']) => d.volunteer.volunteerCode],
    organisations: ['编号', (d: ExportScene['yuzhong']) => d.teamId],
    sites: ['编号', (d: ExportScene['yuzhong']) => d.siteId],
    records: ['记录编号', (d: ExportScene['yuzhong']) => d.recordId],
    points: ['志愿者编号', (d: ExportScene['yuzhong']) => d.volunteer.volunteerCode],
  } as const;

  it.each(EXPORT_KINDS.flatMap((kind) => (['xlsx', 'csv'] as const).map((format) => [kind, format] as const)))(
    'writes %s as %s, parsed back with Chinese headers, both districts for the city',
    async (kind, format) => {
      const res = await system.get(`/api/v1/exports/${kind}?format=${format}`);
      expect(res.headers['content-type']).toContain(format === 'csv' ? 'text/csv' : 'spreadsheetml');
      expect(res.headers['content-disposition']).toContain(`${kind}_all_`);
      const rows = await recordsOf(res);
      const [column, key] = keyOf[kind];
      const keys = rows.map((r) => r[column]);
      expect(keys).toContain(key(s.yuzhong));
      expect(keys).toContain(key(s.shapingba));
    },
  );

  it('writes the values a clerk reads: masked personal data, local times, words for codes', async () => {
    const v = s.yuzhong.volunteer;
    const [row] = await recordsOf(
      await system.get(`/api/v1/exports/volunteers?format=csv&regionCode=${REGIONS.jiefangbei}`),
    );
    expect(row).toMatchObject({
      志愿者编号: v.volunteerCode,
      姓名: '渝中甲',
      证件类型: '居民身份证',
      所属区域: '解放碑街道',
      区域代码: REGIONS.jiefangbei,
      服务领域: '生态环保',
      状态: '正常',
      积分余额: '30',
    });
    expect(row?.证件号码).toMatch(/^5\*+\w$/);
    expect(row?.证件号码).not.toBe(v.idNumber);
    expect(row?.手机号).toMatch(/^139\*{4}\d{4}$/);
    expect(row?.注册时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const [rec] = await recordsOf(
      await system.get(`/api/v1/exports/records?format=xlsx&regionCode=${REGIONS.jiefangbei}`),
    );
    // 01:00 UTC is 09:00 in Shanghai.
    expect(rec).toMatchObject({
      服务日期: s.yuzhong.serviceDate,
      开始时间: `${s.yuzhong.serviceDate} 09:00`,
      结束时间: `${s.yuzhong.serviceDate} 10:30`,
      '时长(小时)': '1.5',
      活动名称: '渝中甲清洁',
      状态: '待确认',
      来源: '本人签到',
    });
    const [entry] = await recordsOf(
      await system.get(`/api/v1/exports/points?format=csv&regionCode=${REGIONS.jiefangbei}`),
    );
    expect(entry).toMatchObject({ 志愿者编号: v.volunteerCode, 类型: '调整', 积分: '30', 变动后余额: '30' });
  });

  it('heads the columns in English with lang=en', async () => {
    const [head] = await rowsOf(await system.get('/api/v1/exports/sites?format=csv&lang=en'));
    expect(head?.slice(0, 3)).toEqual(['Name', 'Kind', 'Region']);
    const [en] = await recordsOf(
      await system.get(`/api/v1/exports/sites?format=csv&lang=en&regionCode=${REGIONS.xiaolongkan}`),
    );
    expect(en).toMatchObject({ Kind: 'Practice point', Status: 'Active' });
  });

  it('gives a region admin their subtree only, every kind, and refuses a region outside it', async () => {
    for (const kind of EXPORT_KINDS) {
      const rows = await recordsOf(await yuzhong.client.get(`/api/v1/exports/${kind}?format=csv`));
      const [column, key] = keyOf[kind];
      const keys = rows.map((r) => r[column]);
      expect(keys, kind).toContain(key(s.yuzhong));
      expect(keys, kind).not.toContain(key(s.shapingba));
      // Nothing in the file lies outside 渝中区.
      for (const r of rows) if (r.区域代码) expect(r.区域代码.startsWith(REGIONS.yuzhong), kind).toBe(true);
    }
    const out = await yuzhong.client.get(`/api/v1/exports/volunteers?regionCode=${REGIONS.shapingba}`);
    expect(out.statusCode).toBe(403);
    expect(out.json().error.message).toContain('regionCode');
    const city = await yuzhong.client.get(`/api/v1/exports/records?regionCode=${REGIONS.city}`);
    expect(city.statusCode).toBe(403);
    const other = await yuzhong.client.get(`/api/v1/exports/sites?organisationId=${s.shapingba.teamId}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('organisationId');
  });

  it("lets a team admin export their organisations' units and records, not people or points", async () => {
    const team = s.tree.teamAdmin.client;
    for (const kind of ['organisations', 'sites', 'records'] as const) {
      const res = await team.request('GET', `/api/v1/exports/${kind}?format=csv`);
      const rows = await recordsOf(res);
      const [column, key] = keyOf[kind];
      expect(
        rows.map((r) => r[column]),
        kind,
      ).toContain(key(s.yuzhong));
      expect(
        rows.map((r) => r[column]),
        kind,
      ).not.toContain(key(s.shapingba));
    }
    for (const kind of ['volunteers', 'points'] as const) {
      expect((await team.request('GET', `/api/v1/exports/${kind}`)).statusCode, kind).toBe(403);
    }
    const other = await team.request('GET', `/api/v1/exports/records?organisationId=${s.shapingba.teamId}`);
    expect(other.statusCode).toBe(403);
  });

  it('answers 401 to nobody, 403 to a volunteer, 400 naming the field to a bad kind, format or filter', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/volunteers' })).statusCode).toBe(401);
    expect((await volunteer.get('/api/v1/exports/sites')).statusCode).toBe(403);
    const bad = async (url: string, field: string) => {
      const res = await system.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain(field);
    };
    await bad('/api/v1/exports/people', 'kind');
    await bad('/api/v1/exports/volunteers?format=pdf', 'format');
    await bad('/api/v1/exports/volunteers?status=confirmed', 'status');
    await bad('/api/v1/exports/volunteers?siteType=supermarket', 'siteType');
    await bad('/api/v1/exports/records?from=2026-03-05&to=2026-03-01', 'to');
    await bad('/api/v1/exports/records?from=2026-02-30', 'from');
    await bad('/api/v1/exports/sites?regionCode=999999', 'regionCode');
    await bad('/api/v1/exports/records?field=astrology', 'field');
    await bad('/api/v1/exports/sites?full=true', 'full');
    await bad('/api/v1/exports/sites?nonsense=1', 'nonsense');
  });

  it('filters as the lists do: status, field, dates, organisation', async () => {
    const get = async (q: string) =>
      (await recordsOf(await system.get(`/api/v1/exports/records?format=csv&${q}`))).map((r) => r.记录编号);
    expect(await get('status=pending')).toContain(s.yuzhong.recordId);
    expect(await get('status=confirmed')).not.toContain(s.yuzhong.recordId);
    expect(await get(`from=${s.yuzhong.serviceDate}&to=${s.yuzhong.serviceDate}`)).toContain(s.yuzhong.recordId);
    expect(await get(`to=2000-01-01`)).toEqual([]);
    expect(await get(`organisationId=${s.tree.teamId}`)).toEqual([s.yuzhong.recordId]);
    expect(await get('field=elderly')).toEqual([]);
  });

  it('gives ID numbers and phones in full only when asked by a region admin, and audits the read', async () => {
    const v = s.yuzhong.volunteer;
    const res = await yuzhong.client.request(
      'GET',
      `/api/v1/exports/volunteers?format=csv&full=true&regionCode=${REGIONS.jiefangbei}`,
      undefined,
      { 'x-confirm-password': PASSWORD },
    );
    const rows = await recordsOf(res);
    expect(rows.find((r) => r.志愿者编号 === v.volunteerCode)).toMatchObject({ 证件号码: v.idNumber, 手机号: v.phone });
    const audit = await auditOf(t, yuzhong.id, 'export.full');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.parsed).toMatchObject({
      kind: 'volunteers',
      full: true,
      rows: rows.length,
      complete: true,
      filters: { regionCode: REGIONS.jiefangbei },
    });
    expect(audit[0]?.region_code).toBe(REGIONS.jiefangbei);
    // Never a value of a row, in the audit entry or in the log.
    for (const secret of [v.idNumber, v.phone]) {
      expect(audit[0]?.details).not.toContain(secret);
      expect(t.logs.text()).not.toContain(secret);
    }
    // Masked exports are audited too, as plain downloads.
    await recordsOf(await yuzhong.client.get('/api/v1/exports/points?format=csv'));
    const plain = await auditOf(t, yuzhong.id, 'export.download');
    expect(plain.map((a) => a.parsed.kind)).toContain('points');
  });

  it('refuses full data to those whose duty does not require it', async () => {
    const dept = s.tree.departmentAdmin.client;
    expect((await dept.request('GET', '/api/v1/exports/volunteers?full=true')).statusCode).toBe(403);
    const vol = await volunteer.request('GET', '/api/v1/exports/volunteers?full=true', undefined, {
      'x-confirm-password': s.yuzhong.volunteer.password,
    });
    expect(vol.statusCode).toBe(403);
  });
});
