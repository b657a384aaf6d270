import { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrator.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply every pending migration to the database named by DATABASE_URL')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { databaseUrl?: string }) => {
      const config = loadConfig(process.env, opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {});
      const database = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } catch (err) {
        console.error(`shanmei migrate: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
