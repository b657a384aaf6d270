import { Command } from 'commander';
import { withDatabase } from '../database.js';
import { runExpiry } from '../../server/modules/points/expiry.js';
import { verifyLedger } from '../../server/modules/points/verify.js';

export function pointsCommand(): Command {
  const points = new Command('points').description('The points ledger: expiry and reconciliation');
  points
    .command('expire')
    .description('Move the unspent points whose expiry date has passed to the expiry account (once per local day)')
    .option('--at <iso>', 'Run as of this instant (ISO-8601), default now')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { at?: string; databaseUrl?: string }) => {
      if (opts.at !== undefined && Number.isNaN(Date.parse(opts.at))) {
        console.error(`shanmei points expire: --at must be an ISO-8601 time, got "${opts.at}"`);
        process.exitCode = 2;
        return;
      }
      await withDatabase('points expire', { databaseUrl: opts.databaseUrl, migrate: false }, async ({ db }) => {
        const r = await runExpiry(db, opts.at ? new Date(opts.at).toISOString() : undefined);
        if (!r.ran) console.log(`Another process is running the expiry for ${r.period}; nothing done.`);
        else console.log(`Expiry ${r.period}: ${r.points} points expired from ${r.wallets} wallets.`);
      });
    });
  points
    .command('verify')
    .description('Recompute every balance from the entries; print differences and exit 1 if any')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(async (opts: { databaseUrl?: string }) => {
      await withDatabase('points verify', { databaseUrl: opts.databaseUrl, migrate: false }, async ({ db }) => {
        const r = await verifyLedger(db);
        for (const p of r.problems) console.log(p);
        console.log(r.ok ? `Ledger OK: ${r.accounts} accounts reconcile.` : `${r.problems.length} problems found.`);
        if (!r.ok) process.exitCode = 1;
      });
    });
  return points;
}
