import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';

/** The checkout this CLI runs from: the benchmarks live in its bench/ folder, beside src/ and dist/. */
const ROOT = join(import.meta.dirname, '..', '..', '..');

export function benchCommand(): Command {
  return new Command('bench')
    .description(
      "Measure check-ins and redemptions over HTTP next to this machine's raw limits (from a source checkout: npm run bench)",
    )
    .option('--quick', 'one server process and smaller runs (under two minutes)')
    .option('--json <file>', 'where to write the figures as JSON (bench/out/latest.json)')
    .action((opts: { quick?: boolean; json?: string }) => {
      if (!existsSync(join(ROOT, 'bench', 'run.ts'))) {
        console.error('shanmei bench: the benchmarks come with the source checkout (bench/), not with this install.');
        process.exitCode = 2;
        return;
      }
      const args = ['--import', 'tsx', 'bench/run.ts', ...(opts.quick ? ['--quick'] : [])];
      if (opts.json) args.push('--json', opts.json);
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
      child.on('exit', (code) => (process.exitCode = code ?? 1));
    });
}
