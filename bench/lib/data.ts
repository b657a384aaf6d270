import { PersonalDataCipher } from '../../src/server/crypto.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { BENCH_SECRET } from './server.js';

/**
 * Opens and migrates the benchmark's database for writing its data straight in, through the
 * test factories: `app` is what they take (the served process shares BENCH_SECRET). Close
 * `database` when done.
 */
export async function openBenchDatabase(url: string, opts: { poolSize?: number } = {}) {
  const database: Database = openDatabase(url, opts);
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const app = {
    ctx: { cipher: new PersonalDataCipher(BENCH_SECRET), database },
    inject: () => Promise.reject(new Error('not over HTTP')),
  };
  return { database, app };
}
