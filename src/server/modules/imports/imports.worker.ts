/**
 * The imports of this process: each poll starts, in the background, every unfinished import
 * no process holds (at most MAX_RUNNING here at once), each in a thread of its own. Polled by
 * the job scheduler and right after an upload; an import whose process died is resumed by the
 * next poll once its lease runs out.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { unfinishedImports } from './imports.repository.js';
import { endIdleThreads, runImportInThread } from './imports.thread-runner.js';

const MAX_RUNNING = 2;
const HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
const running = new Map<string, Promise<unknown>>();
let stopping = false;
/** Aborted on a graceful stop; a new one after it. */
let stop = new AbortController();

export interface ImportLog {
  error(obj: unknown, msg: string): void;
}

/** Starts what is waiting; resolves once started (not finished). */
export async function pollImports(ctx: Pick<AppContext, 'database' | 'config'>, log?: ImportLog): Promise<void> {
  for (const { id } of await unfinishedImports(ctx.database.db)) {
    if (running.size >= MAX_RUNNING || stopping) return;
    if (running.has(id)) continue;
    // Each in a thread of its own, its heap capped (imports.thread-runner.ts).
    const run = runImportInThread(ctx, id, HOLDER, { signal: stop.signal })
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
  stop.abort();
  await settleImports();
  await endIdleThreads();
  stop = new AbortController();
  stopping = false;
}
