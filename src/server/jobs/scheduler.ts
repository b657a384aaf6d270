import type { AppContext } from '../context.js';
import { dispatchOutbox } from '../platform/notify/dispatcher.js';
import { queueShiftReminders } from '../modules/notifications/index.js';
import { runScheduledExpiry } from '../modules/points/index.js';
import { closeOverdueAttendance } from '../modules/checkin/index.js';
import { foldDeltas } from '../modules/stats/index.js';
import { pollImports, stopImports } from '../modules/imports/index.js';
import type { Transports } from '../platform/notify/transports.js';
import { forgetExpiredCounters } from '../platform/throttle.js';
import { forgetDeadSessions } from '../modules/auth/index.js';
import { noticeOverdueTasks } from '../modules/plans/index.js';
import { sweepFiles } from '../modules/files/index.js';

export interface JobsOptions {
  /** Milliseconds between ticks (default 30 s). */
  intervalMs?: number;
  transports?: Transports;
  /** Milliseconds between folds of the statistics' pending deltas (default 5 s). */
  foldIntervalMs?: number;
  /** How long one tick may keep sending full batches (default 20 s). */
  budgetMs?: number;
  /** Where failures and closed check-ins are reported; messages and counts only, no rows. */
  log?: { error(obj: unknown, msg: string): void; info?(obj: unknown, msg: string): void };
}

export interface Jobs {
  /** Runs one tick now (unless one is running) and resolves when it ends. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a running tick. */
  stop(): Promise<void>;
}

/** How often overdue check-ins (a check-out that never came) are closed. */
export const AUTO_CLOSE_INTERVAL_MS = 5 * 60_000;

/**
 * The background loop of one process, and every timer it has: close overdue check-ins (every
 * five minutes), queue shift reminders, expire points once a day, delete unattached uploads once
 * an hour, forget stale security counters and dead sessions, then send the outbox; and, on a timer
 * of its own, fold the statistics' pending deltas. One tick
 * at a time; the timer is unref'd so it never keeps the process alive. Several processes
 * may run it side by side: reminders are deduplicated by key and outbox rows are claimed
 * with a conditional UPDATE, so nothing is queued or sent twice by running it twice.
 */
export function startJobs(
  ctx: Pick<AppContext, 'database' | 'cipher' | 'config' | 'files'>,
  opts: JobsOptions = {},
): Jobs {
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastAutoClose = -Infinity;

  const step = async (name: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      opts.log?.error({ job: name, err: { message: err instanceof Error ? err.message : String(err) } }, 'job failed');
    }
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      if (Date.now() - lastAutoClose >= AUTO_CLOSE_INTERVAL_MS) {
        lastAutoClose = Date.now();
        await step('auto-close', async () => {
          const closed = await closeOverdueAttendance(ctx.database.db);
          if (closed > 0) opts.log?.info?.({ closed }, 'closed overdue check-ins');
        });
      }
      // Imports run in the background; a poll starts those waiting (or whose process died).
      await step('imports', () => pollImports(ctx, opts.log));
      // Security counters past their memory, sessions past their end or idle too long.
      await step('forget', async () => {
        await forgetExpiredCounters(ctx.database.db);
        await forgetDeadSessions(ctx.database.db, ctx.config);
      });
      await step('reminders', () => queueShiftReminders(ctx.database.db));
      // Owners of key tasks past their deadline are told once per task.
      await step('plan-overdue', () => noticeOverdueTasks(ctx.database.db));
      // Once per local day; a lease makes sure only one process does it.
      await step('points-expiry', () => runScheduledExpiry(ctx.database.db));
      // Uploaded files nobody attached, once an hour across processes (a lease), in batches.
      await step('files-sweep', () => sweepFiles({ db: ctx.database.db, files: ctx.files }, opts.log));
      // Keep sending while full batches come back, within a budget so a tick ends.
      const until = Date.now() + (opts.budgetMs ?? 20_000);
      await step('outbox', async () => {
        for (;;) {
          const r = await dispatchOutbox(ctx, {
            ...(opts.transports ? { transports: opts.transports } : {}),
            batch: 50,
          });
          if (r.due < 50 || Date.now() > until || stopped) break;
        }
      });
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void tick(), opts.intervalMs ?? 30_000);
  timer.unref();
  // The statistics' pending deltas are read with every overview: folding them often keeps that
  // read short. Its own timer, so a long outbox tick does not hold it up.
  let folding: Promise<void> | null = null;
  const fold = () => {
    if (stopped || folding) return;
    folding = step('stats-fold', () => foldDeltas(ctx.database.db)).finally(() => {
      folding = null;
    });
  };
  const foldTimer = setInterval(fold, opts.foldIntervalMs ?? 5_000);
  foldTimer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(foldTimer);
      await running;
      await folding;
      await stopImports();
    },
  };
}
