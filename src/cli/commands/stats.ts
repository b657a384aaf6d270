import { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrator.js';
import { rebuildStats, verifyStats } from '../../server/modules/stats/index.js';

async function withDatabase(databaseUrl: string | undefined, name: string, fn: (d: Database) => Promise<void>) {
  let database: Database | undefined;
  try {
    const config = loadConfig(process.env, databaseUrl ? { databaseUrl } : {});
    database = openDatabase(config.databaseUrl);
    await migrateToLatest(database.db);
    await fn(database);
  } catch (err) {
    console.error(`shanmei stats ${name}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export function statsCommand(): Command {
  const stats = new Command('stats').description('The statistics kept as things happen: rebuild and check them');
  stats
    .command('rebuild')
    .description('Recompute every kept statistic from the records, registrations, redemptions, sites and teams')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { databaseUrl?: string }) => {
      await withDatabase(opts.databaseUrl, 'rebuild', async ({ db }) => {
        const started = performance.now();
        await rebuildStats(db);
        console.log(`Statistics rebuilt in ${seconds(started)} s.`);
      });
    });
  stats
    .command('verify')
    .description(
      'Rebuild the statistics in a transaction that is rolled back and compare; print differences and exit 1 if any',
    )
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { databaseUrl?: string }) => {
      await withDatabase(opts.databaseUrl, 'verify', async ({ db }) => {
        const started = performance.now();
        const r = await verifyStats(db);
        for (const d of r.differences) console.log(d);
        console.log(
          r.ok
            ? `Statistics OK: what was kept equals what the records say (${seconds(started)} s).`
            : `${r.differences.length} differences found.`,
        );
        if (!r.ok) process.exitCode = 1;
      });
    });
  return stats;
}
