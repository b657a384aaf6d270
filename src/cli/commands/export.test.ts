import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, makeUser, REGIONS } from '../../../test/factories.js';
import { runCommand } from '../../../test/cli.js';
import { TEST_SECRET } from '../../../test/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/test-db.js';
import { insertSite } from '../../server/modules/sites/index.js';
import { exportCommand } from './export.js';

const run = (args: string[]) => runCommand(exportCommand, args);

describe.each(DIALECTS)('shanmei export on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let yuzhong: string;
  const env = { ...process.env };

  beforeAll(async () => {
    process.env.SHANMEI_SECRET = TEST_SECRET;
    tdb = await createTestDatabase(dialect);
    await makeRegions(tdb.db);
    yuzhong = (
      await makeUser(tdb.db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] })
    ).username;
    const site = (name: string, regionCode: string) =>
      insertSite(tdb.db, {
        name,
        type: 'practice_point',
        regionCode,
        address: name,
        lat: 29.5,
        lng: 106.5,
        organisationId: null,
      });
    await site('解放碑站', REGIONS.jiefangbei);
    await site('小龙坎站', REGIONS.xiaolongkan);
    dir = mkdtempSync(join(tmpdir(), 'shanmei-cli-export-'));
  });
  afterAll(async () => {
    process.env = env;
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the admin's scope as CSV or .xlsx (from the file name), headers in the language asked", async () => {
    const csv = join(dir, 'sites.csv');
    const r = await run(['sites', csv, '--as', yuzhong, '--database-url', tdb.url]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`1 rows written to ${csv}.`);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows.map((row) => row[0])).toEqual(['名称', '解放碑站']);

    const xlsx = join(dir, 'sites.xlsx');
    expect((await run(['sites', xlsx, '--as', yuzhong, '--lang', 'en', '--database-url', tdb.url])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('Name');
    expect(wb.worksheets[0]?.getRow(2).getCell(1).value).toBe('解放碑站');
  });

  it('exits 2 for a wrong kind, filter, admin or a region outside the scope, leaving no file', async () => {
    const out = join(dir, 'nothing.csv');
    const planets = await run(['planets', out, '--database-url', tdb.url]);
    expect(planets).toMatchObject({ code: 2, err: expect.stringContaining('<kind> must be one of volunteers') });
    const format = await run(['sites', out, '--format', 'pdf', '--as', yuzhong, '--database-url', tdb.url]);
    expect(format).toMatchObject({ code: 2, err: expect.stringContaining('format') });
    const nobody = await run(['sites', out, '--as', 'nobody', '--database-url', tdb.url]);
    expect(nobody).toMatchObject({ code: 2, err: expect.stringContaining('no user "nobody"') });
    const away = await run(['sites', out, '--region', REGIONS.shapingba, '--as', yuzhong, '--database-url', tdb.url]);
    expect(away).toMatchObject({ code: 2, err: expect.stringContaining('outside your scope') });
    expect(existsSync(out)).toBe(false);
  });
});
