/**
 * Each import runs in a thread whose JavaScript heap is capped (THREAD_LIMITS): an import's
 * memory is bounded by the product, not by how the process was started, and a file that would
 * need more ends that import (failed, saying why) rather than the server. A thread runs one
 * import at a time and waits, idle and unref'd, up to IDLE_MS for the next (loading the
 * importer's code takes seconds). The thread is the built JavaScript next to this file; under
 * tsx or vitest (this file is .ts) it is the TypeScript source, loaded through tsx.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import type { AppContext } from '../../context.js';
import type { Config } from '../../config.js';
import type { ImportsTable } from '../../db/schema.js';
import { nowIso } from '../../ids.js';
import { heldByOther, releaseLease } from '../../platform/leases.repository.js';
import * as repo from './imports.repository.js';
import type { RunProgress } from './imports.run.js';
import type { ImportReason } from './imports.words.js';

/**
 * An import keeps a batch of rows, the first row of each key (outside the heap) and the
 * importer's code: about 40 MB of live heap. Without a cap V8 lets garbage grow the heap to
 * 150 MB and more before it collects; these caps keep a million-row import in a server under
 * 300 MB (bench P4).
 */
export const THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };
const IDLE_MS = 60_000;
const MAX_IDLE = 2;

export interface ImportThreadRun {
  config: Config;
  id: string;
  holder: string;
  /** Set to 1 to stop after the current batch. */
  stop: Int32Array;
}

export type ImportThreadMessage = { progress: RunProgress } | { ended: ImportsTable | null } | { error: string };

export interface ThreadOptions {
  onProgress?: (p: RunProgress) => void;
  /** Aborted: the import ends after its current batch; what is committed stays, to be resumed. */
  signal?: AbortSignal;
  /** The heap's caps (tests use tiny ones to see an import run out); such a thread is not kept. */
  limits?: ResourceLimits;
}

const source = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./imports.thread.${source ? 'ts' : 'js'}`, import.meta.url);

/**
 * A new thread: the entry itself when built; from the sources, tsx's loader registered first
 * (a worker does not apply `--import` to its entry on Node 20).
 */
function startThread(options: WorkerOptions): Worker {
  if (!source) return new Worker(ENTRY, options);
  // tsx's `tsx/esm/api` as ESM (its `register` hooks this thread's imports), beside its loader.
  const tsx = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx'))).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

const idle = new Map<Worker, NodeJS.Timeout>();

function take(limits: ResourceLimits | undefined): Worker {
  const [kept] = limits ? [] : idle.keys();
  if (kept) {
    clearTimeout(idle.get(kept));
    idle.delete(kept);
    kept.ref();
    return kept;
  }
  const worker = startThread({ resourceLimits: limits ?? THREAD_LIMITS });
  // A run hears its thread's errors; an idle thread's end is only noted.
  worker.on('error', () => {});
  worker.on('exit', () => {
    clearTimeout(idle.get(worker));
    idle.delete(worker);
  });
  return worker;
}

function giveBack(worker: Worker, pooled: boolean): void {
  if (!pooled || idle.size >= MAX_IDLE) return void worker.terminate();
  worker.unref();
  const timer = setTimeout(() => void worker.terminate(), IDLE_MS);
  timer.unref();
  idle.set(worker, timer);
}

/** Ends the idle threads (a stopping process; tests). */
export async function endIdleThreads(): Promise<void> {
  const workers = [...idle.keys()];
  await Promise.all(workers.map((w) => w.terminate()));
}

/**
 * Runs (or resumes) one import in a thread, as runImport does in this one: answers the import
 * as it ended, or null when another process holds it. A thread that dies (out of memory, or a
 * crash) leaves the import failed with the reason; an error the import throws is thrown here
 * (the import stays unfinished and is resumed once its lease runs out).
 */
export function runImportInThread(
  ctx: Pick<AppContext, 'database' | 'config'>,
  id: string,
  holder: string,
  opts: ThreadOptions = {},
): Promise<ImportsTable | null> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(stop, 0, 1);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const worker = take(opts.limits);
  return new Promise<ImportsTable | null>((resolve, reject) => {
    let error: unknown = null;
    const done = () => {
      opts.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (m: ImportThreadMessage) => {
      if ('progress' in m) return opts.onProgress?.(m.progress);
      done();
      giveBack(worker, !opts.limits);
      if ('ended' in m) resolve(m.ended);
      else reject(new Error(m.error));
    };
    const onError = (err: unknown) => (error = err);
    const onExit = () => {
      done();
      const code = (error as { code?: unknown } | null)?.code;
      if (error && code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
      // Out of memory (or gone without a word): resumed, it would die again.
      died(ctx, id, holder, code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'thread_died').then(
        resolve,
        reject,
      );
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const run: ImportThreadRun = { config: ctx.config, id, holder, stop };
    worker.postMessage(run);
  });
}

/**
 * Marks an import its thread left unfinished as failed and gives its lease back; one that
 * another process holds (the thread died before it could claim it) is theirs and left alone.
 */
async function died(
  ctx: Pick<AppContext, 'database'>,
  id: string,
  holder: string,
  reason: ImportReason,
): Promise<ImportsTable | null> {
  const db = ctx.database.db;
  const lease = `import:${id}`;
  if (await heldByOther(db, lease, holder, nowIso())) return (await repo.importById(db, id)) ?? null;
  await repo.failUnfinished(db, id, JSON.stringify({ reason, params: {} }), nowIso());
  await releaseLease(db, lease, holder);
  return (await repo.importById(db, id)) ?? null;
}
