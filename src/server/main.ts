import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { runPrimary } from './cluster.js';
import { dataDir, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { startJobs, type Jobs } from './jobs/scheduler.js';
import { transportsFromEnv } from './platform/notify/transports.js';
import {
  bootstrapAdmin,
  initialAdminPassword,
  seedRegionsIfNone,
  seedServiceFields,
} from './modules/bootstrap/index.js';
import { buildStatsIfMissing } from './modules/stats/index.js';

/** Hooks run once the database is migrated and before the server listens (the demo seed). */
export type StartHook = (database: ReturnType<typeof openDatabase>, config: Config) => Promise<void>;

export interface StartOptions {
  /** Server processes sharing the port (`--workers`); 1 serves from this process. */
  workers?: number;
}

/** How long a stopping server waits for requests in flight before it cuts them (SHANMEI_SHUTDOWN_SECONDS). */
const shutdownMs = () => Math.max(1, Number(process.env.SHANMEI_SHUTDOWN_SECONDS ?? 10)) * 1000;

function fail(message: string): never {
  console.error(`shanmei: ${message}`);
  process.exit(1);
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Migrates, seeds what a new city needs, bootstraps the admin and runs the start hook. */
async function prepare(config: Config, beforeListen?: StartHook) {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close().catch(() => undefined);
    fail(`cannot prepare the database (${database.dialect}): ${reason(err)}`);
  }
  await seedServiceFields(database.db);
  const regions = await seedRegionsIfNone(database.db, config.province);
  if (regions > 0) console.log(`Loaded the ${regions} regions of province ${config.province} (SHANMEI_PROVINCE).`);
  const admin = await bootstrapAdmin(database.db, config.adminPassword).catch(async (err: unknown) => {
    await database.close().catch(() => undefined);
    return fail(reason(err));
  });
  if (await buildStatsIfMissing(database.db))
    console.log('Counted the statistics from the records (first start since they are kept).');
  if (beforeListen) await beforeListen(database, config);
  return { database, admin };
}

/**
 * Serves from this process until SIGTERM or SIGINT, then stops gracefully: the server stops
 * accepting, requests in flight finish (cut after SHANMEI_SHUTDOWN_SECONDS), the job loop
 * stops, and only then the database closes.
 */
async function serve(config: Config, database: Database): Promise<void> {
  // Read before listening, so a misconfigured SMS provider stops the start with a message.
  let transports: ReturnType<typeof transportsFromEnv>;
  try {
    transports = transportsFromEnv();
  } catch (err) {
    fail(reason(err));
  }
  const app = await buildApp(config, database, { sms: transports.sms ?? undefined });
  let jobs: Jobs | undefined;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    const cut = setTimeout(() => app.server.closeAllConnections(), shutdownMs());
    cut.unref();
    await app.close();
    await jobs?.stop();
    await database.close();
    clearTimeout(cut);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    fail(`cannot listen on ${config.host}:${config.port}: ${reason(err)}`);
  }
  // Reminders and the outbox dispatcher; SHANMEI_JOBS=off leaves them to other processes.
  if (process.env.SHANMEI_JOBS !== 'off') jobs = startJobs(app.ctx, { transports, log: app.log });
}

function banner(config: Config, dialect: string, workers: number, admin: Awaited<ReturnType<typeof bootstrapAdmin>>) {
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}`;
  const processes = workers > 1 ? `; ${workers} worker processes` : '';
  console.log(
    `\nShanmei (善美) is serving ${url}  (API ${url}/api/v1, docs ${url}/api/docs; database: ${dialect}${processes})`,
  );
  if (admin?.generated) {
    console.log(initialAdminPassword(dataDir(config.databaseUrl), admin.password, !!process.stdout.isTTY));
  }
}

/**
 * Migrates, bootstraps the admin on an empty database, and listens — in this process, or in
 * `workers` processes that share the port. The only place that calls listen(). Exits
 * non-zero with a clear message when it cannot start.
 */
export async function startServer(
  overrides: Partial<Config> = {},
  beforeListen?: StartHook,
  opts: StartOptions = {},
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, overrides);
  } catch (err) {
    fail(reason(err));
  }
  if (cluster.isWorker) {
    // A worker of `--workers N`: the primary prepared the database before forking it, and
    // a hang-up (sent to the whole process group) is the primary's to act on.
    process.on('SIGHUP', () => undefined);
    await serve(config, openDatabase(config.databaseUrl));
    return;
  }
  const workers = opts.workers ?? 1;
  const { database, admin } = await prepare(config, beforeListen);
  if (workers <= 1) {
    await serve(config, database);
  } else {
    await database.close();
    if (database.dialect === 'sqlite') {
      // Measured by npm run bench: two writers take turns at SQLite's one write lock.
      console.log(
        'shanmei: on SQLite the workers take turns to write; for writes one worker is as fast (see docs/DEPLOY.md)',
      );
    }
    await runPrimary(workers, config.rateLimits, (line) => console.log(`shanmei: ${line}`)).ready;
  }
  banner(config, database.dialect, workers, admin);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void startServer();
}
