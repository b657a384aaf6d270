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
    .action(async (opts: { port?: string; host?: string; databaseUrl?: string; demo?: boolean }) => {
      if (opts.port) process.env.PORT = opts.port;
      if (opts.host) process.env.HOST = opts.host;
      if (opts.databaseUrl) process.env.DATABASE_URL = opts.databaseUrl;
      if (opts.demo) process.env.SHANMEI_DEMO = 'on';
      await startServer({}, async (database, config) => {
        if (config.demo) await loadDemoIfEmpty(database, config);
      });
    });
}
