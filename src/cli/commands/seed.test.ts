import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.js';
import { TEST_SECRET } from '../../../test/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/test-db.js';
import { shanmeiProgram } from '../program.js';

/** Through the whole program, as `shanmei seed …` runs: each subcommand gets its own options. */
const seed = (args: string[]) => runCommand(shanmeiProgram, ['seed', ...args]);

describe.each(DIALECTS)('shanmei seed on %s', (dialect) => {
  let tdb: TestDatabase;
  const env = { ...process.env };
  beforeAll(async () => {
    process.env.SHANMEI_SECRET = TEST_SECRET;
    delete process.env.SHANMEI_ADMIN_PASSWORD;
    tdb = await createTestDatabase(dialect);
  });
  afterEach(() => {
    process.exitCode = 0;
  });
  afterAll(async () => {
    process.env = env;
    await tdb.drop();
  });

  it('loads a province by its 2-digit code, then finds nothing to add', async () => {
    const first = await seed(['regions', '--province', '12', '--database-url', tdb.url]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Added \d+ regions\.$/);
    // Into the database named after the subcommand, not the default file.
    const added = Number(/^Added (\d+)/.exec(first.out)?.[1]);
    const held = await tdb.db
      .selectFrom('regions')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(added);
    const again = await seed(['regions', '--province', '120000', '--database-url', tdb.url]);
    expect(again.out).toMatch(/already present/);
  });

  it('refuses an unknown --scale with a message and exit code 2, before opening the database', async () => {
    const r = await seed(['--scale', 'huge', '--database-url', tdb.url]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^shanmei seed: --scale must be city or small, got "huge"$/);
  });

  it('refuses a malformed province code with a message and exit code 1', async () => {
    const r = await seed(['regions', '--province', 'x', '--database-url', tdb.url]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^shanmei seed regions: province code must be/);
  });

  it('loads the demo once, printing its logins, and refuses a second time', async () => {
    const first = await seed(['demo', '--database-url', tdb.url]);
    expect(first).toMatchObject({ code: 0, err: '' });
    for (const login of ['admin', 'region.admin', 'dept.admin', 'team.admin', 'site.manager', 'clerk', 'resident']) {
      expect(first.out).toMatch(new RegExp(`^  ${login.replace('.', '\\.')} `, 'm'));
    }
    expect(first.out).toMatch(/13800000001 or V\d{11}/);
    const teams = await tdb.db
      .selectFrom('organisations')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('kind', '=', 'team')
      .executeTakeFirstOrThrow();
    expect(Number(teams.n)).toBe(133);
    const again = await seed(['demo', '--database-url', tdb.url]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds organisations/);
  });
});
