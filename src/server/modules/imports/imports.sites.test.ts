import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationTree } from '../../../../test/activity-factories.js';
import { REGIONS } from '../../../../test/factories.js';
import type { Client, TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { verifyStats } from '../stats/index.js';
import { csvFile, filledTemplate, importFile, importScene, reportOf } from './imports.test-helpers.js';
import { settleImports } from './imports.worker.js';

const HEADER = ['名称*', '类型*', '所属区域*', '地址*', '经度', '纬度', '管理组织', '开放时间'];
const KIND = { kind: 'sites' };
/** A street of 渝中 whose centre is on record, unlike the factory's regions. */
const CHAOTIANMEN = { code: '500103004', name: '朝天门街道', lat: 29.5645, lng: 106.5863 };

describe.each(DIALECTS)('site imports on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let admin: Client;
  let yuzhongAdmin: Client;

  const siteNamed = (name: string) => t.tdb.db.selectFrom('sites').selectAll().where('name', '=', name).execute();

  beforeAll(async () => {
    ({
      t,
      tree,
      yuzhongAdmin,
      admin: { client: admin },
    } = await importScene(dialect, [
      { ...CHAOTIANMEN, level: 'town', parent_code: REGIONS.yuzhong, kind: 'division' },
    ]));
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it('imports every good row and reports each bad one', async () => {
    const made = await admin.post('/api/v1/sites', {
      name: '解放碑青少年之家',
      type: 'youth_home',
      regionCode: REGIONS.jiefangbei,
      address: '解放碑 8 号',
      lat: 29.557,
      lng: 106.577,
    });
    expect(made.statusCode, made.body).toBe(201);
    const file = csvFile([
      HEADER,
      [
        '解放碑新时代文明实践站',
        '新时代文明实践站',
        '解放碑街道',
        '民族路 1 号',
        '106.5774',
        '29.5576',
        '渝中区生态环境志愿服务队',
        '周一至周五 9:00-17:00',
      ],
      ['朝天门实践所', '新时代文明实践所', '渝中区朝天门街道', '朝东路 2 号', '', '', '', ''],
      ['解放碑积分超市', '积分超市', REGIONS.jiefangbei, '邹容路 3 号', '', '', '', ''],
      ['解放碑文化广场', '文化广场', REGIONS.jiefangbei, '邹容路 4 号', '106.57', '29.55', '', ''],
      ['反了的阵地', 'practice_point', REGIONS.jiefangbei, '邹容路 5 号', '29.55', '106.57', '', ''],
      ['半个坐标', 'practice_point', REGIONS.jiefangbei, '邹容路 6 号', '106.57', '', '', ''],
      ['无主阵地', 'practice_point', REGIONS.jiefangbei, '邹容路 7 号', '106.57', '29.55', '没有这个组织', ''],
      ['解放碑新时代文明实践站', '实践站', REGIONS.jiefangbei, '民族路 1 号', '106.5774', '29.5576', '', ''],
      ['解放碑青少年之家', '青少年之家', REGIONS.jiefangbei, '解放碑 8 号', '106.577', '29.557', '', ''],
      ['无地址', 'other', REGIONS.jiefangbei, '', '106.57', '29.55', '', ''],
      ['小龙坎法律服务站', '法律服务站', '小龙坎街道', '小龙坎正街 9 号', '１０６．４６', '２９．５６', '', ''],
    ]);
    const { state } = await importFile(admin, file, KIND);
    expect(state).toMatchObject({ kind: 'sites', status: 'done', total: 11, accepted: 3, rejected: 8 });
    expect(await reportOf(admin, state?.id as string)).toEqual([
      ['4', '经度 (E)', expect.stringContaining('该区域没有中心坐标')],
      ['5', '类型 (B)', expect.stringContaining('类型应为：新时代文明实践中心')],
      ['6', '纬度 (F)', expect.stringContaining('纬度应为 -90 到 90')],
      ['7', '纬度 (F)', '经度和纬度须同时填写'],
      ['8', '管理组织 (G)', expect.stringContaining('没有这个组织')],
      ['9', '名称 (A)', '与第 2 行重复'],
      ['10', '名称 (A)', '该区域已有同名阵地'],
      ['11', '地址 (D)', '必填项为空'],
    ]);
    const [station] = await siteNamed('解放碑新时代文明实践站');
    expect(station).toMatchObject({
      type: 'practice_point',
      region_code: REGIONS.jiefangbei,
      lat: 29.5576,
      lng: 106.5774,
      organisation_id: tree.teamId,
      opening_hours: '周一至周五 9:00-17:00',
    });
    // No position given: the region's centre.
    expect(await siteNamed('朝天门实践所')).toEqual([
      expect.objectContaining({ type: 'town_centre', lat: CHAOTIANMEN.lat, lng: CHAOTIANMEN.lng }),
    ]);
    // Full-width digits are read as digits.
    expect(await siteNamed('小龙坎法律服务站')).toEqual([expect.objectContaining({ lat: 29.56, lng: 106.46 })]);
    const found = await admin.get(`/api/v1/sites?near=29.5576,106.5774&radiusKm=1&type=practice_point`);
    expect((found.json() as { items: { name: string }[] }).items.map((s) => s.name)).toContain(
      '解放碑新时代文明实践站',
    );
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    const again = await importFile(admin, file, KIND);
    expect(again.state).toMatchObject({ status: 'done', accepted: 0, rejected: 11 });
  });

  it("keeps to the importer's regions", async () => {
    const { state } = await importFile(
      yuzhongAdmin,
      csvFile([
        HEADER,
        ['解放碑法律服务站', 'legal_station', REGIONS.jiefangbei, '民生路 1 号', '106.57', '29.55', '', ''],
        ['小龙坎青少年之家', 'youth_home', REGIONS.xiaolongkan, '小龙坎 1 号', '106.46', '29.56', '', ''],
      ]),
      KIND,
    );
    expect(state).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await reportOf(yuzhongAdmin, state?.id as string)).toEqual([
      ['3', '所属区域 (C)', '该区域不在您的管辖范围内'],
    ]);
  });

  it('writes nothing from a file with a bad row when asked all or nothing', async () => {
    const { state } = await importFile(
      admin,
      csvFile([
        HEADER,
        ['两江实践中心', '新时代文明实践中心', '两江新区', '金渝大道 1 号', '106.52', '29.65', '', ''],
        ['两江坏阵地', '新时代文明实践中心', '两江新区', '金渝大道 2 号', '200', '29.65', '', ''],
      ]),
      { ...KIND, allOrNothing: 'true' },
    );
    expect(state).toMatchObject({ status: 'done', accepted: 0, rejected: 1 });
    expect(await reportOf(admin, state?.id as string)).toEqual([
      ['3', '经度 (E)', expect.stringContaining('经度应为 -180 到 180')],
    ]);
    expect(await siteNamed('两江实践中心')).toEqual([]);
  });

  it('reads its own template back', async () => {
    const csv = await admin.get('/api/v1/imports/templates/sites?format=csv');
    expect(csv.body).toBe('\uFEFF名称*,类型*,所属区域*,地址*,经度,纬度,管理组织,开放时间\r\n');
    const file = await filledTemplate(admin, 'sites', [
      [
        '沙坪坝积分超市',
        '积分超市',
        '沙坪坝区',
        '三峡广场 1 号',
        '106.45',
        '29.54',
        '沙坪坝区生态环境志愿服务队',
        '每天',
      ],
    ]);
    const { state } = await importFile(admin, file, KIND);
    expect(state).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
  });
});
