import { loadConfig, type Config } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrator.js';

export interface DatabaseOptions {
  /** From `--database-url`; else DATABASE_URL, else the default SQLite file. */
  databaseUrl?: string;
  /** Bring the schema up to date first (default yes). */
  migrate?: boolean;
}

/** The configuration a command runs with: the environment, and `--database-url` over it. */
export const commandConfig = (databaseUrl: string | undefined): Config =>
  loadConfig(process.env, databaseUrl ? { databaseUrl } : {});

/**
 * Runs a command's work on the database and closes it; a failure is printed as
 * `shanmei <command>: <message>` and sets exit code 1 (never a stack trace of personal data).
 */
export async function withDatabase(
  command: string,
  opts: DatabaseOptions,
  work: (database: Database, config: Config) => Promise<void>,
  config?: Config,
): Promise<void> {
  let database: Database | undefined;
  try {
    const c = config ?? commandConfig(opts.databaseUrl);
    database = openDatabase(c.databaseUrl);
    if (opts.migrate !== false) await migrateToLatest(database.db);
    await work(database, c);
  } catch (err) {
    console.error(`shanmei ${command}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
