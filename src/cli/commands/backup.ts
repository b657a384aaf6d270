import { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { backupDatabase, restoreDatabase, type BackupResult } from '../../server/db/backup.js';

const DB_OPTION = ['--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)'] as const;

async function report(name: string, work: () => Promise<BackupResult>, done: (r: BackupResult) => string) {
  try {
    console.log(done(await work()));
  } catch (err) {
    console.error(`shanmei ${name}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

const urlOf = (databaseUrl?: string) => loadConfig(process.env, databaseUrl ? { databaseUrl } : {}).databaseUrl;

/** `shanmei backup <file>`: a consistent copy of the live database, taken while it serves. */
export function backupCommand(): Command {
  return new Command('backup')
    .description('Write a consistent copy of the database to <file> while the server keeps running')
    .argument('<file>', 'where to write the backup (SQLite: a database file; PostgreSQL: pg_dump custom format)')
    .option(...DB_OPTION)
    .action(async (file: string, opts: { databaseUrl?: string }) => {
      await report(
        'backup',
        () => backupDatabase(urlOf(opts.databaseUrl), file),
        (r) =>
          `Backed up the ${r.dialect} database to ${r.file} (${r.bytes} bytes). Personal data in it stays ` +
          'encrypted: keep the key (SHANMEI_SECRET, or the secret file beside the database) apart from the ' +
          'backup; a restore needs the same key.',
      );
    });
}

/** `shanmei restore <file>`: replaces the database's contents with a backup's, all or nothing. */
export function restoreCommand(): Command {
  return new Command('restore')
    .description("Replace the database's contents with a backup's, all or nothing (stop the server first)")
    .argument('<file>', 'a file written by `shanmei backup`')
    .option(...DB_OPTION)
    .option('--yes', 'confirm that the current contents are to be replaced')
    .action(async (file: string, opts: { databaseUrl?: string; yes?: boolean }) => {
      if (!opts.yes) {
        console.error('shanmei restore: this replaces every row of the database; add --yes to go ahead');
        process.exitCode = 2;
        return;
      }
      await report(
        'restore',
        () => restoreDatabase(urlOf(opts.databaseUrl), file),
        (r) => `Restored the ${r.dialect} database from ${r.file}. Start the server again.`,
      );
    });
}
