import { Command } from 'commander';
import { startServer } from '../../server/main.js';
import { loadDemoIfEmpty } from '../../server/modules/demo/demo.service.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Migrate the database named by DATABASE_URL, then serve the web app and API')
    .option('--port <port>', 'HTTP port (env PORT, default 8080)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .option('--demo', 'load the Chongqing demo on an empty database (env SHANMEI_DEMO)')
    .option('--workers <n>', 'server processes sharing the port (env SHANMEI_WORKERS, default 1)')
    .action(async (opts: { port?: string; host?: string; databaseUrl?: string; demo?: boolean; workers?: string }) => {
      const workers = Number(opts.workers ?? process.env.SHANMEI_WORKERS ?? 1);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
        console.error(`shanmei serve: --workers must be a whole number from 1 to 64, got "${opts.workers}"`);
        process.exit(2);
      }
      if (opts.port) process.env.PORT = opts.port;
      if (opts.host) process.env.HOST = opts.host;
      if (opts.databaseUrl) process.env.DATABASE_URL = opts.databaseUrl;
      if (opts.demo) process.env.SHANMEI_DEMO = 'on';
      await startServer(
        {},
        async (database, config) => {
          if (config.demo) await loadDemoIfEmpty(database, config);
        },
        { workers },
      );
    });
}
