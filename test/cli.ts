import type { Command } from 'commander';
import { vi } from 'vitest';

/** Runs a `shanmei` command in-process and answers what it printed and its exit code. */
export async function runCommand(
  command: () => Command,
  args: string[],
): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    process.exitCode = 0;
    await command().parseAsync(args, { from: 'user' });
    return { out: out.join('\n'), err: err.join('\n'), code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = 0;
    log.mockRestore();
    error.mockRestore();
  }
}
