import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, makePhone, makeResidentId, makeUser, REGIONS } from '../../../test/factories.js';
import { runCommand } from '../../../test/cli.js';
import { TEST_SECRET } from '../../../test/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/test-db.js';
import { importCommand } from './import.js';

const run = (args: string[]) => runCommand(importCommand, args);

describe.each(DIALECTS)('shanmei import on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let username: string;
  const env = { ...process.env };
  const header = '姓名,证件类型,证件号码,手机号,所属区域';

  beforeAll(async () => {
    process.env.SHANMEI_SECRET = TEST_SECRET;
    tdb = await createTestDatabase(dialect);
    await makeRegions(tdb.db);
    username = (
      await makeUser(tdb.db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }] })
    ).username;
    dir = mkdtempSync(join(tmpdir(), 'shanmei-cli-import-'));
  });
  afterAll(async () => {
    process.env = env;
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file, exits 0, and 1 with a report when rows are refused', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, `${header}\n钱一,居民身份证,${makeResidentId()},${makePhone()},${REGIONS.jiefangbei}\n`);
    const ok = await run(['volunteers', good, '--as', username, '--database-url', tdb.url]);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('1 rows: 1 imported, 0 refused.');

    const mixed = join(dir, 'mixed.csv');
    writeFileSync(
      mixed,
      `${header}\n钱二,居民身份证,${makeResidentId()},${makePhone()},${REGIONS.jiefangbei}\n钱三,居民身份证,1.23457E+17,${makePhone()},${REGIONS.jiefangbei}\n`,
    );
    const report = join(dir, 'report.csv');
    const r = await run([
      'volunteers',
      mixed,
      '--as',
      username,
      '--report',
      report,
      '--lang',
      'en',
      '--database-url',
      tdb.url,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('2 rows: 1 imported, 1 refused.');
    const lines = readFileSync(report, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFRow,Column,Reason');
    expect(lines[1]).toMatch(/^3,证件号码 \(C\),Excel stored the ID number as a number/);
  });

  it('exits 2 when the file, the kind or the admin is wrong', async () => {
    expect((await run(['volunteers', join(dir, 'none.csv'), '--database-url', tdb.url])).code).toBe(2);
    const planets = await run(['planets', join(dir, 'none.csv'), '--database-url', tdb.url]);
    expect(planets).toMatchObject({ code: 2, err: expect.stringContaining('<kind> must be one of volunteers') });
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, 'not a workbook');
    const g = await run(['volunteers', garbage, '--as', username, '--database-url', tdb.url]);
    expect(g).toMatchObject({ code: 2, err: expect.stringContaining('文件无法读取') });
    const nobody = await run(['volunteers', garbage, '--as', 'nobody', '--database-url', tdb.url]);
    expect(nobody).toMatchObject({ code: 2, err: expect.stringContaining('no user "nobody"') });
  });
});
