import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import { fileSweepers, type FileStorage } from '../../platform/files/index.js';
import { claimLease } from '../../platform/leases.repository.js';
import * as repo from './files.repository.js';

/** Where failures are reported: counts and messages only, never whose files they were. */
export interface FilesLog {
  error(obj: unknown, msg: string): void;
  info?(obj: unknown, msg: string): void;
}

const LEASE = 'files-sweep';
/** How often unwanted files are looked for, across all processes. */
export const SWEEP_INTERVAL_MS = 60 * 60_000;
/** Files asked for and deleted at a time. */
export const SWEEP_BATCH = 100;
/** Batches of one kind per sweep, so a sweep ends; what is left waits for the next. */
const MAX_BATCHES = 20;

/** Removes stored bytes; returns the keys that could not be removed (logged as a count). */
export async function removeStored(files: FileStorage, keys: readonly string[], log?: FilesLog): Promise<string[]> {
  const results = await Promise.allSettled(keys.map((k) => files.delete(k)));
  const failed = keys.filter((_, i) => results[i]?.status === 'rejected');
  if (failed.length > 0) {
    const first = results.find((r) => r.status === 'rejected');
    const reason: unknown = first?.status === 'rejected' ? first.reason : null;
    log?.error(
      { failed: failed.length, err: { message: reason instanceof Error ? reason.message : String(reason) } },
      'stored files could not be removed',
    );
  }
  return failed;
}

const keysOf = (f: { storage_key: string; thumbnail_key: string | null }) =>
  f.thumbnail_key ? [f.storage_key, f.thumbnail_key] : [f.storage_key];

/**
 * Forgets files inside the caller's transaction: their rows go, and the keys of their bytes are
 * returned, to be removed with `removeStored` once the transaction has committed.
 */
export async function forgetFiles(db: Db, ids: readonly string[]): Promise<string[]> {
  const rows = await repo.storedKeysOf(db, ids);
  await repo.deleteFileRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap(keysOf);
}

/**
 * Deletes files: their bytes and thumbnails first, then their rows. A file whose bytes could not
 * be removed keeps its row, so a later sweep tries again. Returns how many were deleted.
 */
async function deleteFiles(db: Db, files: FileStorage, ids: readonly string[], log?: FilesLog): Promise<number> {
  const rows = await repo.storedKeysOf(db, ids);
  const failed = new Set(await removeStored(files, rows.flatMap(keysOf), log));
  const gone = rows.filter((r) => !keysOf(r).some((k) => failed.has(k))).map((r) => r.id);
  await repo.deleteFileRows(db, gone);
  return gone.length;
}

export interface SweepRun {
  /** False when another process swept within the interval. */
  ran: boolean;
  deleted: number;
}

/**
 * The job loop's step: asks each module that declared a kind of file which of its files are no
 * longer wanted, and deletes them in bounded batches. A lease held for the interval (not given
 * back) makes one process sweep, once an hour, however many run the loop.
 */
export async function sweepFiles(ctx: { db: Db; files: FileStorage }, log?: FilesLog): Promise<SweepRun> {
  const now = new Date().toISOString();
  const until = new Date(Date.now() + SWEEP_INTERVAL_MS).toISOString();
  if (!(await claimLease(ctx.db, LEASE, newId(), now, until))) return { ran: false, deleted: 0 };
  let deleted = 0;
  for (const [kind, findOrphans] of fileSweepers()) {
    let ofKind = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const ids = await findOrphans(ctx.db, now, SWEEP_BATCH);
      const n = await deleteFiles(ctx.db, ctx.files, ids, log);
      ofKind += n;
      if (ids.length < SWEEP_BATCH || n === 0) break;
    }
    if (ofKind > 0) log?.info?.({ kind, deleted: ofKind }, 'unwanted files deleted');
    deleted += ofKind;
  }
  return { ran: true, deleted };
}
