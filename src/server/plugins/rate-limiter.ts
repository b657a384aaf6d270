import cluster, { type Worker } from 'node:cluster';

/**
 * Fixed-window counters for failed logins per account and per address, registrations per
 * address, SMS codes, and check-ins and redemptions per account. Asynchronous, so the
 * counters can live outside the process: with `shanmei serve --workers N` every worker asks
 * the primary, which keeps one set for all of them.
 */
export interface Limiter {
  /** Whether `key` is already at `max` events within `windowMs`. */
  blocked(key: string, max: number, windowMs: number): Promise<boolean>;
  /** Counts one event for `key`. */
  hit(key: string, windowMs: number): Promise<void>;
  /** Counts one event unless `key` is at `max` already; answers whether it was counted. One step. */
  take(key: string, max: number, windowMs: number): Promise<boolean>;
  reset(key: string): Promise<void>;
}

/** The counters themselves, in this process's memory. */
export class MemoryWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly enabled: boolean) {}

  blocked(key: string, max: number, windowMs: number, now = Date.now()): boolean {
    if (!this.enabled) return false;
    const w = this.windows.get(key);
    return !!w && now - w.start < windowMs && w.count >= max;
  }

  hit(key: string, windowMs: number, now = Date.now()): void {
    if (!this.enabled) return;
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) this.windows.set(key, { start: now, count: 1 });
    else w.count += 1;
    if (this.windows.size > 100_000) this.sweep(now, windowMs);
  }

  take(key: string, max: number, windowMs: number, now = Date.now()): boolean {
    if (this.blocked(key, max, windowMs, now)) return false;
    this.hit(key, windowMs, now);
    return true;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

/** One process's limiter: its own windows, answered at once. */
export class RateLimiter implements Limiter {
  private readonly windows: MemoryWindows;

  constructor(enabled: boolean) {
    this.windows = new MemoryWindows(enabled);
  }

  blocked(key: string, max: number, windowMs: number): Promise<boolean> {
    return Promise.resolve(this.windows.blocked(key, max, windowMs));
  }

  hit(key: string, windowMs: number): Promise<void> {
    this.windows.hit(key, windowMs);
    return Promise.resolve();
  }

  take(key: string, max: number, windowMs: number): Promise<boolean> {
    return Promise.resolve(this.windows.take(key, max, windowMs));
  }

  reset(key: string): Promise<void> {
    this.windows.reset(key);
    return Promise.resolve();
  }
}

type Op =
  | { op: 'blocked'; key: string; max: number; windowMs: number }
  | { op: 'hit'; key: string; windowMs: number }
  | { op: 'take'; key: string; max: number; windowMs: number }
  | { op: 'reset'; key: string };

interface Ask {
  limiter: number;
  op: Op;
}
interface Answer {
  limiter: number;
  value: boolean;
}

const isAsk = (m: unknown): m is Ask => typeof m === 'object' && m !== null && 'limiter' in m && 'op' in m;
const isAnswer = (m: unknown): m is Answer => typeof m === 'object' && m !== null && 'limiter' in m && 'value' in m;

/** A cluster worker's limiter: every question goes to the primary, which holds the only windows. */
export class ClusterLimiter implements Limiter {
  private next = 0;
  private readonly waiting = new Map<number, (value: boolean) => void>();

  constructor() {
    process.on('message', (m: unknown) => {
      if (!isAnswer(m)) return;
      this.waiting.get(m.limiter)?.(m.value);
      this.waiting.delete(m.limiter);
    });
  }

  private ask(op: Op): Promise<boolean> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      process.send?.({ limiter: id, op } satisfies Ask);
    });
  }

  blocked(key: string, max: number, windowMs: number): Promise<boolean> {
    return this.ask({ op: 'blocked', key, max, windowMs });
  }

  async hit(key: string, windowMs: number): Promise<void> {
    await this.ask({ op: 'hit', key, windowMs });
  }

  take(key: string, max: number, windowMs: number): Promise<boolean> {
    return this.ask({ op: 'take', key, max, windowMs });
  }

  async reset(key: string): Promise<void> {
    await this.ask({ op: 'reset', key });
  }
}

/** In the primary: answers a worker's limiter questions from the one set of windows. */
export function serveLimiter(worker: Worker, windows: MemoryWindows): void {
  worker.on('message', (m: unknown) => {
    if (!isAsk(m)) return;
    const o = m.op;
    let value = true;
    if (o.op === 'blocked') value = windows.blocked(o.key, o.max, o.windowMs);
    else if (o.op === 'take') value = windows.take(o.key, o.max, o.windowMs);
    else if (o.op === 'hit') windows.hit(o.key, o.windowMs);
    else windows.reset(o.key);
    if (worker.isConnected()) worker.send({ limiter: m.limiter, value } satisfies Answer);
  });
}

/** The limiter this process should use: the primary's when it is a cluster worker. */
export function limiterFor(enabled: boolean): Limiter {
  return cluster.isWorker && enabled ? new ClusterLimiter() : new RateLimiter(enabled);
}
