import { Command } from 'commander';
import { withDatabase } from '../database.js';
import { rebuildStats, verifyStats } from '../../server/modules/stats/index.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export function statsCommand(): Command {
  const stats = new Command('stats').description('The statistics kept as things happen: rebuild and check them');
  stats
    .command('rebuild')
    .description('Recompute every kept statistic from the records, registrations, redemptions, sites and teams')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { databaseUrl?: string }) => {
      await withDatabase('stats rebuild', opts, async ({ db }) => {
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
      await withDatabase('stats verify', opts, async ({ db }) => {
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
