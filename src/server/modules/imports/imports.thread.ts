/**
 * An import thread (see imports.thread-runner.ts): runs the imports it is handed, one at a
 * time, each on a connection of its own to the database its config names, and posts their
 * progress and end. A stop asked through the shared flag ends an import after its current
 * batch, as runImport does.
 */
import { parentPort } from 'node:worker_threads';
import { cipherFor } from '../../crypto.js';
import { openDatabase } from '../../db/database.js';
import type { ImportThreadMessage, ImportThreadRun } from './imports.thread-runner.js';
import { runImport } from './imports.run.js';

const post = (m: ImportThreadMessage) => parentPort?.postMessage(m);

async function run({ config, id, holder, stop }: ImportThreadRun): Promise<void> {
  // An import runs one statement at a time: two connections are plenty. Its writes land all
  // over the unique indexes (keyed hashes), so a large page cache buys little: SQLite's is kept
  // to 4 MB here (the server's own connection keeps 16), within the import's memory bound.
  const database = openDatabase(config.databaseUrl, { poolSize: 2, sqliteCacheKiB: 4_000 });
  try {
    const ended = await runImport(
      { database, cipher: cipherFor(config) },
      id,
      holder,
      (progress) => post({ progress }),
      () => Atomics.load(stop, 0) === 1,
    );
    post({ ended });
  } catch (err) {
    post({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    await database.close();
  }
}

parentPort?.on('message', (m: ImportThreadRun) => void run(m));
