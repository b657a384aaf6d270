import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationTree } from '../../../../test/activity-factories.js';
import { REGIONS } from '../../../../test/factories.js';
import type { Client, TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { verifyStats } from '../stats/index.js';
import { csvFile, filledTemplate, importFile, importScene, reportOf } from './imports.test-helpers.js';
import { settleImports } from './imports.worker.js';

const HEADER = ['名称*', '类型*', '层级*', '所属区域*', '上级组织', '主管部门', '服务领域'];
const KIND = { kind: 'organisations' };

describe.each(DIALECTS)('organisation imports on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let admin: Client;
  let yuzhongAdmin: Client;

  const orgNamed = (name: string) =>
    t.tdb.db.selectFrom('organisations').selectAll().where('name', '=', name).execute();

  beforeAll(async () => {
    ({
      t,
      tree,
      yuzhongAdmin,
      admin: { client: admin },
    } = await importScene(dialect));
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it('imports every good row (a parent from an earlier row) and reports each bad one', async () => {
    const file = csvFile([
      HEADER,
      ['渝中区关爱老人志愿服务队', '志愿服务队', '区县级', '渝中区', '', '市生态环境局', '关爱老人、生态环保'],
      ['解放碑关爱小队', '志愿服务队', '街镇级', '解放碑街道', '渝中区关爱老人志愿服务队', '', 'elderly'],
      ['坏类型', '车队', 'district', REGIONS.yuzhong, '', '', ''],
      ['坏层级', 'team', '省级', REGIONS.yuzhong, '', '', ''],
      ['无上级', 'team', 'town', REGIONS.jiefangbei, '不存在的组织', '', ''],
      ['越界小队', 'team', 'town', '小龙坎街道', '渝中区关爱老人志愿服务队', '', ''],
      ['不是部门', 'team', 'district', REGIONS.yuzhong, '', '渝中区生态环境志愿服务队', ''],
      ['解放碑关爱小队', 'team', 'town', REGIONS.jiefangbei, '渝中区关爱老人志愿服务队', '', ''],
      ['解放碑小队', 'team', 'town', REGIONS.jiefangbei, '渝中区生态环境志愿服务队', '', ''],
      ['火星队', 'team', 'district', '火星区', '', '', ''],
      ['天文队', 'team', 'district', REGIONS.yuzhong, '', '', '天文观测'],
      ['', '部门', '市级', REGIONS.city, '', '', ''],
      ['市文明办', '部门', '市级', '重庆市', '', '', ''],
    ]);
    const { posted, state } = await importFile(admin, file, KIND);
    expect(posted.statusCode, posted.body).toBe(202);
    expect(state).toMatchObject({ kind: 'organisations', status: 'done', total: 13, accepted: 3, rejected: 10 });
    expect(await reportOf(admin, state?.id as string)).toEqual([
      ['4', '类型 (B)', '类型应为：部门、志愿服务组织、志愿服务队'],
      ['5', '层级 (C)', '层级应为：市级、区县级、街镇级、村社级'],
      ['6', '上级组织 (E)', expect.stringContaining('没有这个组织')],
      ['7', '所属区域 (D)', '所属区域须在上级组织的区域之内'],
      ['8', '主管部门 (F)', '主管部门须是类型为“部门”的组织'],
      ['9', '名称 (A)', '与第 3 行重复'],
      ['10', '名称 (A)', '同一上级组织下已有同名组织'],
      ['11', '所属区域 (D)', expect.stringContaining('没有这个区域')],
      ['12', '服务领域 (G)', '没有这个服务领域：天文观测'],
      ['13', '名称 (A)', '必填项为空'],
    ]);
    const en = await reportOf(admin, state?.id as string, 'en');
    expect(en[5]).toEqual(['9', '名称 (A)', 'The same as row 3']);

    // Stored as POST /organisations stores them: the tree, the department, the fields.
    const [team] = await orgNamed('渝中区关爱老人志愿服务队');
    expect(team).toMatchObject({
      kind: 'team',
      level: 'district',
      region_code: REGIONS.yuzhong,
      parent_id: null,
      department_id: tree.departmentId,
    });
    expect(JSON.parse(team?.fields ?? '[]')).toEqual(['elderly', 'ecology']);
    const [small] = await orgNamed('解放碑关爱小队');
    const shown = await admin.get(`/api/v1/organisations/${small?.id}`);
    expect(shown.json()).toMatchObject({
      parentId: team?.id,
      departmentId: tree.departmentId,
      pathNames: ['渝中区关爱老人志愿服务队', '解放碑关爱小队'],
    });
    expect(await orgNamed('市文明办')).toEqual([expect.objectContaining({ kind: 'department', level: 'city' })]);
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', small?.id as string)
      .execute();
    expect(audit).toEqual([{ action: 'organisation.create', details: expect.stringContaining(state?.id as string) }]);
    // Teams are counted as teams made by hand are.
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });

    // The same file again adds nothing.
    const again = await importFile(admin, file, KIND);
    expect(again.state).toMatchObject({ status: 'done', accepted: 0, rejected: 13 });
    expect(await orgNamed('解放碑关爱小队')).toHaveLength(1);
  });

  it("keeps to the importer's regions", async () => {
    const { state } = await importFile(
      yuzhongAdmin,
      csvFile([
        HEADER,
        ['渝中区助残服务队', '志愿服务队', '区县级', REGIONS.yuzhong, '', '', '助残服务'],
        ['沙坪坝区助残服务队', '志愿服务队', '区县级', REGIONS.shapingba, '', '', ''],
      ]),
      KIND,
    );
    expect(state).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await reportOf(yuzhongAdmin, state?.id as string)).toEqual([
      ['3', '所属区域 (D)', '该区域不在您的管辖范围内'],
    ]);
    expect(await orgNamed('沙坪坝区助残服务队')).toEqual([]);
  });

  it('writes nothing from a file with a bad row when asked all or nothing', async () => {
    const { state } = await importFile(
      admin,
      csvFile([
        HEADER,
        ['两江新区志愿服务队', '志愿服务队', '区县级', '两江新区', '', '', ''],
        ['两江新区小队', '志愿服务队', '村社', '两江新区', '两江新区志愿服务队', '', ''],
        ['坏行', '志愿服务队', '区县级', '', '', '', ''],
      ]),
      { ...KIND, allOrNothing: 'true' },
    );
    expect(state).toMatchObject({ status: 'done', allOrNothing: true, accepted: 0, rejected: 1 });
    expect(await reportOf(admin, state?.id as string)).toEqual([['4', '所属区域 (D)', '必填项为空']]);
    expect(await orgNamed('两江新区志愿服务队')).toEqual([]);
    expect(await orgNamed('两江新区小队')).toEqual([]);
  });

  it('reads its own template back', async () => {
    const csv = await admin.get('/api/v1/imports/templates/organisations?format=csv');
    expect(csv.body).toBe('\uFEFF名称*,类型*,层级*,所属区域*,上级组织,主管部门,服务领域\r\n');
    const file = await filledTemplate(admin, 'organisations', [
      ['小龙坎文明实践志愿服务队', '志愿服务队', '街镇级', '沙坪坝区小龙坎街道', '', '市生态环境局', '理论宣讲'],
    ]);
    const { state } = await importFile(admin, file, KIND);
    expect(state).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
  });
});
