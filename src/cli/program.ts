import { Command } from 'commander';
import { VERSION } from '../server/version.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { benchCommand } from './commands/bench.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { pointsCommand } from './commands/points.js';
import { statsCommand } from './commands/stats.js';
import { secretCommand } from './commands/secret.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';

/**
 * The `shanmei` program. Its own options count only before the command, so everything after a
 * command's name is that command's: `seed demo --database-url X` reaches `demo`, not `seed`
 * (which has a --database-url of its own, and would otherwise take it).
 */
export function shanmeiProgram(): Command {
  const program = new Command('shanmei')
    .description('Shanmei (善美) — a city volunteer service platform')
    .version(VERSION)
    .enablePositionalOptions();
  for (const command of [
    serveCommand(),
    importCommand(),
    exportCommand(),
    migrateCommand(),
    seedCommand(),
    pointsCommand(),
    statsCommand(),
    secretCommand(),
    backupCommand(),
    restoreCommand(),
    benchCommand(),
  ]) {
    program.addCommand(command);
  }
  return program;
}
