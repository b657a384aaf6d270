import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeRegions,
  makePhone,
  makeResidentId,
  makeUser,
  makeVolunteer,
  REGIONS,
} from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { verifyStats } from '../stats/index.js';
import { csvFile, importFile, multipart, reportOf, xlsxFile } from './imports.test-helpers.js';
import { runImport } from './imports.run.js';
import { createImport } from './imports.service.js';
import { settleImports } from './imports.worker.js';

const HEADER = ['姓名*', '证件类型*', '证件号码*', '手机号*', '所属区域*', '服务领域', '注册时间'];

describe.each(DIALECTS)('volunteer imports on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let yuzhongAdmin: Client;
  let volunteer: Client;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    const login = async (roles: Parameters<typeof makeUser>[1]) => {
      const u = await makeUser(t.tdb.db, roles);
      return { id: u.id, client: await new Client(t.app).login(u.username, u.password) };
    };
    const a = await login({ roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }] });
    admin = a.client;
    adminId = a.id;
    yuzhongAdmin = (await login({ roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] }))
      .client;
    const v = await makeVolunteer(t.app);
    volunteer = await new Client(t.app).login(v.phone, v.password);
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it('imports every good row and reports each bad one with its row, column and reason', async () => {
    const existing = await makeVolunteer(t.app);
    const twice = makeResidentId('1990-05-01');
    const good = makeResidentId('1985-01-02');
    const valid = makeResidentId('1980-03-04');
    const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const file = await xlsxFile([
      ['渝中区志愿者名册'], // a title row above the header
      HEADER,
      ['王一', '居民身份证', good, makePhone(), '渝中区解放碑街道', '生态环保、关爱老人', '2021年3月5日'],
      ['王二', '居民身份证', Number('500103199001011234'), makePhone(), REGIONS.jiefangbei, '', ''], // an ID stored as a number
      ['王三', '居民身份证', badCheck, makePhone(), REGIONS.jiefangbei, '', ''],
      ['王四', '居民身份证', twice, makePhone(), REGIONS.jiefangbei, '', ''],
      ['王五', '居民身份证', twice, makePhone(), REGIONS.jiefangbei, '', ''], // the same person again
      ['王六', '居民身份证', existing.idNumber, makePhone(), REGIONS.jiefangbei, '', ''],
      ['王七', '居民身份证', makeResidentId(), makePhone(), '火星区', '', ''],
      ['王八', '居民身份证', makeResidentId(), makePhone(), REGIONS.jiefangbei, '', '2026-02-30'],
      [
        '王九',
        '身份证',
        makeResidentId().replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
        `＋86 ${makePhone()}`,
        REGIONS.xiaolongkan,
        '',
        '',
      ],
    ]);
    const { posted, state } = await importFile(admin, file);
    expect(posted.statusCode, posted.body).toBe(202);
    expect(t.logs.text()).not.toContain('import failed');
    expect(state).toMatchObject({ status: 'done', total: 9, done: 9, accepted: 3, rejected: 6, failure: null });
    expect(state?.reportUrl).toBe(`/api/v1/imports/${state?.id}/report`);
    const report = await reportOf(admin, state?.id as string);
    expect(report).toEqual([
      ['4', '证件号码 (C)', expect.stringContaining('Excel')],
      ['5', '证件号码 (C)', '证件号码校验位不正确'],
      ['7', '证件号码 (C)', '与第 6 行的证件号码重复'],
      ['8', '证件号码 (C)', '该证件号码已注册'],
      ['9', '所属区域 (E)', expect.stringContaining('没有这个区域')],
      ['10', '注册时间 (G)', expect.stringContaining('日期无法识别')],
    ]);
    const en = await reportOf(admin, state?.id as string, 'en');
    expect(en[1]).toEqual(['5', '证件号码 (C)', 'The check digit of the ID number is wrong']);
    // Stored as registration stores people: encrypted, masked, counted; named by region and field.
    const rows = await t.tdb.db
      .selectFrom('volunteers')
      .select(['name', 'region_code', 'fields', 'registered_at', 'id_number_enc', 'id_number_masked'])
      .where('name', 'in', ['王一', '王四', '王九'])
      .orderBy('name')
      .execute();
    expect(rows.map((r) => [r.name, r.region_code])).toEqual([
      ['王一', REGIONS.jiefangbei],
      ['王九', REGIONS.xiaolongkan],
      ['王四', REGIONS.jiefangbei],
    ]);
    const wang1 = rows.find((r) => r.name === '王一');
    expect(JSON.parse(wang1?.fields ?? '[]')).toEqual(['ecology', 'elderly']);
    expect(wang1?.registered_at).toBe('2021-03-04T16:00:00.000Z');
    expect(wang1?.id_number_enc).not.toContain(good);
    expect(t.app.ctx.cipher.decrypt(wang1?.id_number_enc ?? '')).toBe(good);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
    // No personal data in the logs.
    for (const secret of [good, twice, badCheck]) expect(t.logs.text()).not.toContain(secret);

    // The same file again adds nobody.
    const before = await t.tdb.db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const again = await importFile(admin, file);
    expect(again.state).toMatchObject({ status: 'done', accepted: 0, rejected: 9 });
    const after = await t.tdb.db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('names the first row of a person repeated batches further down the file', async () => {
    const twice = makeResidentId('1991-07-08');
    const filler = Array.from({ length: 1200 }, (_, i) => [
      `填${i}`,
      '居民身份证',
      makeResidentId(),
      makePhone(),
      REGIONS.jiefangbei,
    ]);
    const file = csvFile([
      HEADER.slice(0, 5),
      ['钱一', '居民身份证', twice, makePhone(), REGIONS.jiefangbei],
      ...filler,
      ['钱二', '居民身份证', twice, makePhone(), REGIONS.jiefangbei], // row 1203, two batches after row 2
    ]);
    const { state } = await importFile(admin, file);
    expect(state).toMatchObject({ status: 'done', total: 1202, accepted: 1201, rejected: 1 });
    expect(await reportOf(admin, state?.id as string)).toEqual([['1203', '证件号码 (C)', '与第 2 行的证件号码重复']]);
  });

  it('reads a CSV; a missing required column fails the import and says which', async () => {
    const ok = await importFile(
      admin,
      csvFile([HEADER, ['李一', '居民身份证', makeResidentId(), makePhone(), REGIONS.jiefangbei, '', '2020-01-01']]),
    );
    expect(ok.state).toMatchObject({ status: 'done', accepted: 1, rejected: 0, reportUrl: null });
    const missing = await importFile(
      admin,
      csvFile([
        ['姓名', '证件号码', '手机号'],
        ['李二', makeResidentId(), makePhone()],
      ]),
    );
    expect(missing.state).toMatchObject({ status: 'failed', accepted: 0 });
    expect((missing.state?.failure as { message: string }).message).toBe('缺少必填列：证件类型、所属区域');
  });

  it('writes nothing from a file with a bad row when asked all or nothing', async () => {
    const file = csvFile([
      HEADER,
      ['赵一', '居民身份证', makeResidentId(), makePhone(), REGIONS.jiefangbei, '', ''],
      ['赵二', '居民身份证', '123', makePhone(), REGIONS.jiefangbei, '', ''],
    ]);
    const { state } = await importFile(admin, file, { kind: 'volunteers', allOrNothing: 'true' });
    expect(state).toMatchObject({ status: 'done', allOrNothing: true, accepted: 0, rejected: 1 });
    const zhao = await t.tdb.db.selectFrom('volunteers').select('id').where('name', '=', '赵一').execute();
    expect(zhao).toEqual([]);
    expect(await reportOf(admin, state?.id as string)).toEqual([['3', '证件号码 (C)', '居民身份证号码应为 18 位']]);
  });

  it("keeps to the importer's regions, and answers only the importer", async () => {
    const { state } = await importFile(
      yuzhongAdmin,
      csvFile([
        HEADER,
        ['孙一', '居民身份证', makeResidentId(), makePhone(), REGIONS.jiefangbei, '', ''],
        ['孙二', '居民身份证', makeResidentId(), makePhone(), REGIONS.xiaolongkan, '', ''],
      ]),
    );
    expect(state).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await reportOf(yuzhongAdmin, state?.id as string)).toEqual([
      ['3', '所属区域 (E)', '该区域不在您的管辖范围内'],
    ]);
    expect((await admin.get(`/api/v1/imports/${state?.id}`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/imports/${state?.id}/report`)).statusCode).toBe(404);
    const refused = await importFile(volunteer, csvFile([HEADER]));
    expect(refused.posted.statusCode).toBe(403);
    const noKind = multipart({}, csvFile([HEADER]));
    const bad = await admin.request('POST', '/api/v1/imports', noKind.payload, { 'content-type': noKind.contentType });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('kind');
    const json = await admin.post('/api/v1/imports', { kind: 'volunteers' });
    expect(json.statusCode).toBe(400);
  });

  it('resumes an import its process left, after the rows it had committed', async () => {
    const rows = Array.from({ length: 1_100 }, (_, i) => [
      `周${i}`,
      '居民身份证',
      makeResidentId(),
      makePhone(),
      REGIONS.jiefangbei,
    ]);
    const file = csvFile([HEADER.slice(0, 5), ...rows]);
    const path = join(mkdtempSync(join(tmpdir(), 'shanmei-import-')), 'register.csv');
    writeFileSync(path, file.bytes);
    const grants = [{ role: 'region_admin' as const, scope_type: 'region' as const, scope_id: REGIONS.city }];
    const actor = { userId: adminId, via: 'session' as const, sessionId: null, csrfToken: null, grants };
    const { id } = await createImport(t.app.ctx, actor, { kind: 'volunteers', allOrNothing: false }, { path });
    // The first process stops after its first batch (as on SIGTERM); what it committed stays.
    const stopped = await runImport(t.app.ctx, id, 'first', undefined, () => true);
    expect(stopped).toMatchObject({ status: 'running', done: 500, accepted: 500, last_row: 501 });
    // Another process picks it up and goes on after row 501.
    const ended = await runImport(t.app.ctx, id, 'second');
    expect(ended).toMatchObject({ status: 'done', done: 1_100, accepted: 1_100, rejected: 0 });
    const zhou = await t.tdb.db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', 'like', '周%')
      .executeTakeFirst();
    expect(Number(zhou?.n)).toBe(1_100);
    // A file on this machine (the CLI's) stays where it was.
    expect(existsSync(path)).toBe(true);
  });

  it('answers a multipart body it cannot read (cut short, nothing after the boundary) with a 400', async () => {
    const whole = multipart({ kind: 'volunteers' }, { name: 'v.csv', bytes: Buffer.from('姓名*\n王一\n') });
    const bodies = [
      { payload: Buffer.from('\ufeff{}'), contentType: 'multipart/form-data; boundary=x' },
      { payload: whole.payload.subarray(0, whole.payload.length - 30), contentType: whole.contentType },
    ];
    for (const b of bodies) {
      const res = await admin.request('POST', '/api/v1/imports', b.payload, { 'content-type': b.contentType });
      expect(res.statusCode, `${bodies.indexOf(b)} ${res.body}`).toBe(400);
      expect(res.json().error.message).toMatch(/multipart/);
    }
  });

  it('hands out the template of each kind, its first row the headers', async () => {
    const csv = await admin.get('/api/v1/imports/templates/volunteers?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe('\uFEFF姓名*,证件类型*,证件号码*,手机号*,所属区域*,技能,服务领域,注册时间\r\n');
    const xlsx = await admin.get('/api/v1/imports/templates/volunteers');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await volunteer.get('/api/v1/imports/templates/volunteers')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/imports/templates/planets')).statusCode).toBe(400);
  });
});
