import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A second SQLite connection to the same file, in a worker thread, that runs the bulk's
 * INSERTs while the main thread generates the next rows: on two cores the database's work and
 * the generator's overlap. Statements arrive in order and run in order; the main thread waits
 * only when too many are queued, at the end of a transaction, and on close.
 */

// Plain JavaScript run with `eval`, so the worker starts the same from sources (tsx, vitest) and from dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
for (const p of workerData.pragmas) db.pragma(p);
const statements = new Map();
parentPort.on('message', (m) => {
  const started = performance.now();
  try {
    if (m.op === 'prepare') statements.set(m.key, db.prepare(m.sql));
    else if (m.op === 'run') {
      const p = m.params;
      if (m.dict) {
        for (let i = 0; i < p.length; i += m.width) {
          for (const c of m.columns) if (p[i + c] !== null) p[i + c] = m.dict[p[i + c]];
        }
      }
      statements.get(m.key).run(p);
    }
    else if (m.op === 'exec') db.exec(m.sql);
    else if (m.op === 'close') db.close();
    parentPort.postMessage({ seq: m.seq, ms: performance.now() - started });
  } catch (e) {
    parentPort.postMessage({ seq: m.seq, error: e instanceof Error ? e.message : String(e) });
  }
});
`;

/** Statements waiting in the worker before the main thread waits for it. */
const MAX_QUEUED = 24;

type Message =
  | { op: 'prepare'; key: number; sql: string }
  | { op: 'run'; key: number; params: unknown[]; dict?: string[]; width?: number; columns?: number[] }
  | { op: 'exec'; sql: string }
  | { op: 'close' };

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly prepared = new Map<string, number>();
  private readonly waiting = new Map<number, { resolve: () => void; label: string }>();
  private readonly labels = new Map<number, string>();
  private seq = 0;
  private done = 0;
  private failure: Error | null = null;
  /** The thread is gone (stopped, crashed or closed): nothing more can be sent. */
  private gone = false;
  private wake: (() => void) | null = null;
  /** Milliseconds the worker spent per label (a table name). */
  readonly millis = new Map<string, number>();
  /** Milliseconds the main thread waited for the worker (a full queue, a commit). */
  waitedMs = 0;

  constructor(path: string, pragmas: string[]) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { path, pragmas, driver } });
    this.worker.on('message', (m: { seq: number; ms?: number; error?: string }) => {
      this.done = m.seq;
      const label = this.labels.get(m.seq);
      this.labels.delete(m.seq);
      if (label !== undefined && m.ms !== undefined) this.millis.set(label, (this.millis.get(label) ?? 0) + m.ms);
      if (m.error && !this.failure) this.failure = new Error(m.error);
      this.waiting.get(m.seq)?.resolve();
      this.waiting.delete(m.seq);
      this.wake?.();
    });
    this.worker.on('error', (err) => {
      this.failure ??= err;
      this.release();
    });
    this.worker.on('exit', () => {
      this.gone = true;
      this.failure ??= new Error('the SQLite writer thread stopped');
      this.release();
    });
  }

  /** Wakes everything waiting for the worker: it has failed or stopped. */
  private release(): void {
    for (const w of this.waiting.values()) w.resolve();
    this.waiting.clear();
    this.wake?.();
  }

  private post(m: Message, label?: string): number {
    this.seq += 1;
    if (label !== undefined) this.labels.set(this.seq, label);
    this.worker.postMessage({ ...m, seq: this.seq });
    return this.seq;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Queues a prepared statement's run; waits first if the worker is far behind. `repeating`
   * names the positions (in rows of `width` values) whose strings repeat: each distinct one is
   * sent once, the rows carry its index (structured cloning copies every string it meets).
   */
  async run(
    sql: string,
    params: unknown[],
    label: string,
    repeating?: { width: number; columns: number[] },
  ): Promise<void> {
    this.check();
    let key = this.prepared.get(sql);
    if (key === undefined) {
      key = this.prepared.size;
      this.prepared.set(sql, key);
      this.post({ op: 'prepare', key, sql });
    }
    if (repeating && repeating.columns.length) {
      const index = new Map<unknown, number>();
      const dict: string[] = [];
      const { width, columns } = repeating;
      for (let i = 0; i < params.length; i += width) {
        for (const c of columns) {
          const v = params[i + c];
          if (v === null) continue;
          let k = index.get(v);
          if (k === undefined) {
            k = dict.length;
            dict.push(v as string);
            index.set(v, k);
          }
          params[i + c] = k;
        }
      }
      this.post({ op: 'run', key, params, dict, width, columns }, label);
    } else this.post({ op: 'run', key, params }, label);
    if (this.seq - this.done > MAX_QUEUED) {
      const started = performance.now();
      while (this.seq - this.done > MAX_QUEUED && !this.failure) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
      this.waitedMs += performance.now() - started;
    }
    this.check();
  }

  /** Runs SQL text (BEGIN, COMMIT…) after everything queued, and waits for it. */
  async exec(sql: string): Promise<void> {
    this.check();
    await this.send({ op: 'exec', sql }, sql);
    this.check();
  }

  /** Posts and waits for the answer, whatever failed before (a ROLLBACK after a failed INSERT). */
  private async send(m: Message, label: string): Promise<void> {
    if (this.gone) return;
    const seq = this.post(m, label);
    const started = performance.now();
    await new Promise<void>((resolve) => this.waiting.set(seq, { resolve, label }));
    this.waitedMs += performance.now() - started;
  }

  /** Rolls the open transaction back, even after a statement failed. */
  async rollback(): Promise<void> {
    await this.send({ op: 'exec', sql: 'rollback' }, 'rollback');
  }

  /** Closes the connection (after what is queued, so an open transaction rolls back) and stops the thread. */
  async close(): Promise<void> {
    if (this.gone) return;
    await this.send({ op: 'close' }, 'close');
    this.gone = true;
    await this.worker.terminate();
  }
}
