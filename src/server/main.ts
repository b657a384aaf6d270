import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { startJobs, type Jobs } from './jobs/scheduler.js';
import { transportsFromEnv } from './platform/notify/transports.js';
import { bootstrapAdmin, seedRegionsIfNone, seedServiceFields } from './modules/bootstrap/index.js';

/** Hooks run once the database is migrated and before the server listens (the demo seed). */
export type StartHook = (database: ReturnType<typeof openDatabase>, config: Config) => Promise<void>;

/**
 * Migrates, bootstraps the admin on an empty database, and listens. The only place that
 * calls listen(). Exits non-zero with a clear message when it cannot start.
 */
export async function startServer(overrides: Partial<Config> = {}, beforeListen?: StartHook): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, overrides);
  } catch (err) {
    console.error(`shanmei: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    console.error(
      `shanmei: cannot prepare the database (${database.dialect}): ${err instanceof Error ? err.message : String(err)}`,
    );
    await database.close().catch(() => undefined);
    process.exit(1);
  }
  await seedServiceFields(database.db);
  const regions = await seedRegionsIfNone(database.db, config.province);
  if (regions > 0) console.log(`Loaded the ${regions} regions of province ${config.province} (SHANMEI_PROVINCE).`);
  const admin = await bootstrapAdmin(database.db, config.adminPassword);
  if (beforeListen) await beforeListen(database, config);
  // Read before listening, so a misconfigured SMS provider stops the start with a message.
  let transports: ReturnType<typeof transportsFromEnv>;
  try {
    transports = transportsFromEnv();
  } catch (err) {
    console.error(`shanmei: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const app = await buildApp(config, database, { sms: transports.sms ?? undefined });
  let jobs: Jobs | undefined;
  const shutdown = async () => {
    await jobs?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(
      `shanmei: cannot listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
  // Reminders and the outbox dispatcher; SHANMEI_JOBS=off leaves them to other processes.
  if (process.env.SHANMEI_JOBS !== 'off') jobs = startJobs(app.ctx, { transports, log: app.log });
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(
    `\nShanmei (善美) is serving ${url}  (API ${url}/api/v1, docs ${url}/api/docs; database: ${database.dialect})`,
  );
  if (admin?.generated)
    console.log(`System admin: admin / ${admin.password}  (printed once; set SHANMEI_ADMIN_PASSWORD to choose it)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void startServer();
}
