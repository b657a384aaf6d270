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

const program = new Command('shanmei')
  .description('Shanmei (善美) — a city volunteer service platform')
  .version(VERSION);
program.addCommand(serveCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(migrateCommand());
program.addCommand(seedCommand());
program.addCommand(pointsCommand());
program.addCommand(statsCommand());
program.addCommand(secretCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(benchCommand());

await program.parseAsync(process.argv);
