/**
 * The imports of this process: each poll starts, in the background, every unfinished import
 * no process holds (at most MAX_RUNNING here at once). Polled by the job scheduler and right
 * after an upload; an import whose process died is resumed by the next poll once its lease runs out.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { unfinishedImports } from './imports.repository.js';
import { runImport } from './imports.run.js';

const MAX_RUNNING = 2;
const HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
const running = new Map<string, Promise<unknown>>();
let stopping = false;

export interface ImportLog {
  error(obj: unknown, msg: string): void;
}

/** Starts what is waiting; resolves once started (not finished). */
export async function pollImports(ctx: Pick<AppContext, 'database' | 'cipher'>, log?: ImportLog): Promise<void> {
  for (const { id } of await unfinishedImports(ctx.database.db)) {
    if (running.size >= MAX_RUNNING || stopping) return;
    if (running.has(id)) continue;
    const run = runImport(ctx, id, HOLDER, undefined, () => stopping)
      .catch((err: unknown) => {
        // Counts and the reason only: the rows hold personal data.
        log?.error(
          { job: 'import', err: { message: err instanceof Error ? err.message : String(err) } },
          'import failed',
        );
      })
      .finally(() => running.delete(id));
    running.set(id, run);
  }
}

/** Waits for this process's imports to end (tests). */
export async function settleImports(): Promise<void> {
  while (running.size > 0) await Promise.all([...running.values()]);
}

/** A graceful stop: running imports end after their current batch; the next process resumes them. */
export async function stopImports(): Promise<void> {
  stopping = true;
  await settleImports();
  stopping = false;
}
