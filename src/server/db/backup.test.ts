import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/test-db.js';
import { newId } from '../ids.js';
import { budgetOf, CITY, postTransaction } from '../modules/points/ledger.js';
import { verifyLedger } from '../modules/points/verify.js';
import { openDatabase } from './database.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs the CLI from source in its own process, as an operator would beside a running server. */
function cli(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, SHANMEI_SECRET: 'x'.repeat(32) },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => ok({ code: code ?? -1, out }));
  });
}

const transfersIn = async (db: TestDatabase['db']) =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM point_transactions`.execute(db)).rows[0]?.n ?? 0);

describe.each(DIALECTS)('backup and restore (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-backup-'));
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent database while writers commit, and restores it whole', async () => {
    const live = await createTestDatabase(dialect);
    databases.push(live);
    // A writer that keeps posting balanced ledger transactions until told to stop.
    let stop = false;
    let posted = 0;
    const writer = (async () => {
      while (!stop) {
        await live.db.transaction().execute((trx) =>
          postTransaction(trx, {
            kind: 'adjust',
            idempotencyKey: newId(),
            source: 'adjustment',
            postings: [
              { account: budgetOf(`org-${posted % 5}`), amount: 7 },
              { account: { kind: 'system', ownerId: CITY }, amount: -7 },
            ],
          }),
        );
        posted += 1;
        // SQLite answers synchronously: give the event loop a turn, as a server between requests.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (posted < 20) await new Promise((r) => setImmediate(r));
    const before = posted;
    const file = join(dir, `backup.${dialect}`);
    const backup = await cli(['backup', file, '--database-url', live.url]);
    const after = posted;
    stop = true;
    await writer;
    expect(backup.out).toContain('Backed up');
    expect(backup.code).toBe(0);
    expect(after).toBeGreaterThan(before);

    const target = await createTestDatabase(dialect, { migrate: false });
    databases.push(target);
    if (dialect === 'sqlite') await target.close();
    const restore = await cli(['restore', file, '--yes', '--database-url', target.url]);
    expect(restore.out).toContain('Restored');
    expect(restore.code).toBe(0);

    const restored = dialect === 'sqlite' ? openDatabase(target.url) : target;
    try {
      // Every transaction the backup holds is whole (balances match entries) and it holds at
      // least what had committed before it started.
      const copied = await transfersIn(restored.db);
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(posted);
      const check = await verifyLedger(restored.db);
      expect(check.problems).toEqual([]);
      expect(check.accounts).toBeGreaterThan(0);
    } finally {
      if (dialect === 'sqlite') await restored.close();
    }
    expect(await transfersIn(live.db)).toBe(posted);
  }, 60_000);

  it('refuses to restore without --yes, and refuses a file that is no backup, changing nothing', async () => {
    const target = await createTestDatabase(dialect);
    databases.push(target);
    const junk = join(dir, `junk.${dialect}`);
    writeFileSync(junk, 'not a database');
    const unconfirmed = await cli(['restore', junk, '--database-url', target.url]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.out).toContain('--yes');
    const bad = await cli(['restore', junk, '--yes', '--database-url', target.url]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/shanmei restore: /);
    expect(await transfersIn(target.db)).toBe(0);
    const missing = await cli(['restore', join(dir, 'nowhere'), '--yes', '--database-url', target.url]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no backup at');
  }, 60_000);
});
