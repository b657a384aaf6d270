import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { MemoryWindows, serveLimiter } from './plugins/rate-limiter.js';

/** The slot a worker fills (1…N); the replacement of a worker takes its slot. */
export const WORKER_SLOT_ENV = 'SHANMEI_WORKER_SLOT';

export interface Primary {
  /** Resolves once every worker listens. */
  ready: Promise<void>;
}

/**
 * The primary of `shanmei serve --workers N`: forks N workers that share the port (each
 * accepts from it in turn, as the kernel wakes them), keeps the one set of rate-limit windows for them
 * all, replaces a worker that dies, restarts them one at a time on SIGHUP (the next one only
 * once its replacement listens, so the port is always served), and on SIGTERM or SIGINT lets
 * every worker finish its requests before it exits. Only slot 1 runs the job loop.
 */
export function runPrimary(workers: number, rateLimits: boolean, log: (line: string) => void): Primary {
  // Every worker accepts from the one listening socket itself, which stays open while any
  // worker lives. (Handing connections out from the primary loses one that was on its way
  // to a worker just as that worker stopped: a rolling restart would drop requests.)
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const windows = new MemoryWindows(rateLimits);
  const slots = new Map<number, Worker>();
  let stopping = false;
  let restarting = false;

  const fork = (slot: number): Worker => {
    const w = cluster.fork({
      [WORKER_SLOT_ENV]: String(slot),
      ...(slot === 1 ? {} : { SHANMEI_JOBS: 'off' }),
    });
    serveLimiter(w, windows);
    slots.set(slot, w);
    w.on('exit', (code, signal) => {
      if (slots.get(slot) !== w || stopping) return;
      log(`worker ${slot} (pid ${w.process.pid}) ended (${signal ?? code}); starting another`);
      setTimeout(() => !stopping && fork(slot), 500).unref();
    });
    return w;
  };

  const listening = (w: Worker) => once(w, 'listening').then(() => undefined);
  const ready = Promise.all(Array.from({ length: workers }, (_, i) => listening(fork(i + 1)))).then(() => undefined);

  /** Stops a worker gracefully: it closes its server, finishes in-flight requests, then exits. */
  const retire = async (w: Worker) => {
    if (w.isDead()) return;
    const exited = once(w, 'exit');
    w.process.kill('SIGTERM');
    await exited;
  };

  process.on('SIGHUP', () => {
    if (restarting || stopping) return;
    restarting = true;
    void (async () => {
      for (const [slot, old] of [...slots]) {
        const fresh = fork(slot);
        await listening(fresh);
        await retire(old);
        log(`worker ${slot} restarted (pid ${fresh.process.pid})`);
      }
      restarting = false;
    })();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([...slots.values()].map(retire)).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return { ready };
}
