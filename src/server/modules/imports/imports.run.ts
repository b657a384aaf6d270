/**
 * Running an import: the file is read as a stream, its header found, and its rows handled in
 * batches of BATCH, each batch one transaction that also commits the counts, the refusals and
 * `last_row`. A lease (renewed per batch) makes one process run it; if that process dies the
 * lease runs out and the next poll resumes after `last_row`. All-or-nothing imports run in one
 * transaction instead, rolled back when any row is refused (the refusals are kept).
 */
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB, ImportRejectionsTable, ImportsTable } from '../../db/schema.js';
import { nowIso } from '../../ids.js';
import { grantsOfUser } from '../../platform/access/access.repository.js';
import type { Actor } from '../../platform/access/policy.js';
import { claimLease, releaseLease, renewLease } from '../../platform/leases.repository.js';
import * as repo from './imports.repository.js';
import { organisationRows } from './imports.organisations.js';
import { recordRows } from './imports.records.js';
import type { MappedRow, RowHandler, RowProblem } from './imports.rows.js';
import { siteRows } from './imports.sites.js';
import { volunteerRows } from './imports.volunteers.js';
import type { ImportReason } from './imports.words.js';
import { COLUMN_SPECS, type ImportKind } from './read/columns.js';
import { splitHeader } from './read/headers.js';
import { ImportFileError, readRows, type SheetRow } from './read/rows.js';

const BATCH = 500;
const LEASE_MS = 60_000;
/** Refusals an all-or-nothing import keeps in memory before it stops reading. */
const ALL_OR_NOTHING_REFUSALS = 10_000;

export interface RunProgress {
  /** Bytes of the file read so far. */
  bytes: number;
  done: number;
  accepted: number;
  rejected: number;
}

class Refused extends Error {}

/** The column letter of a 0-based cell index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The import's file as a stream that counts its bytes. */
function counted(path: string, onBytes: (n: number) => void): Readable {
  let total = 0;
  return createReadStream(path).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        total += chunk.length;
        onBytes(total);
        cb(null, chunk);
      },
    }),
  );
}

async function handlerFor(ctx: Pick<AppContext, 'database' | 'cipher'>, imp: ImportsTable): Promise<RowHandler> {
  const db = ctx.database.db;
  const actor: Actor = {
    userId: imp.created_by,
    via: 'session',
    sessionId: null,
    csrfToken: null,
    grants: await grantsOfUser(db, imp.created_by),
  };
  const kind = imp.kind as ImportKind;
  switch (kind) {
    case 'volunteers':
      return volunteerRows(ctx, db, actor, new Date());
    case 'organisations':
      return organisationRows(db, actor, imp.id);
    case 'sites':
      return siteRows(db, actor, imp.id);
    case 'records':
      return recordRows(ctx, db, actor, imp.id, new Date());
  }
}

/**
 * Runs (or resumes) one import if no other process holds it. `onProgress` hears after each
 * batch. Answers the import as it ended, or null when another process holds it.
 */
export async function runImport(
  ctx: Pick<AppContext, 'database' | 'cipher'>,
  id: string,
  holder: string,
  onProgress?: (p: RunProgress) => void,
  shouldStop: () => boolean = () => false,
): Promise<ImportsTable | null> {
  const db = ctx.database.db;
  const lease = `import:${id}`;
  const until = () => new Date(Date.now() + LEASE_MS).toISOString();
  if (!(await claimLease(db, lease, holder, nowIso(), until()))) return null;
  try {
    const imp = await repo.importById(db, id);
    if (!imp || imp.status === 'done' || imp.status === 'failed') return imp ?? null;
    const fail = async (reason: ImportReason, params: Record<string, string | number> = {}) => {
      await repo.updateImport(db, id, {
        status: 'failed',
        failure: JSON.stringify({ reason, params }),
        finished_at: nowIso(),
      });
    };
    if (!imp.file_path || !existsSync(imp.file_path)) {
      await fail('interrupted');
      return (await repo.importById(db, id)) ?? null;
    }
    await repo.updateImport(db, id, { status: 'running', started_at: imp.started_at ?? nowIso() });
    const progress: RunProgress = { bytes: 0, done: imp.done, accepted: imp.accepted, rejected: imp.rejected };
    const specs = COLUMN_SPECS[imp.kind];
    try {
      const handle = await handlerFor(ctx, imp);
      const source = counted(imp.file_path, (n) => (progress.bytes = n));
      const { header, rows } = await splitHeader(readRows(source, imp.format), specs);
      if (header.missing.length > 0) {
        source.destroy();
        const names = header.missing.map((k) =>
          k
            .split('|')
            .map((key) => specs.find((s) => s.key === key)?.headers[0] ?? key)
            .join(' / '),
        );
        await fail('missing_columns', { columns: names.join('、') });
        return (await repo.importById(db, id)) ?? null;
      }
      const keyAt = new Map<string, number>([...header.columns].map(([i, key]) => [key, i]));
      const label = (key: string) => {
        const i = keyAt.get(key);
        const name = specs.find((s) => s.key === key)?.headers[0] ?? '';
        return i === undefined ? name : `${name} (${columnLetter(i)})`;
      };
      const mapped = (r: SheetRow): MappedRow => ({
        row: r.row,
        cell: (key) => {
          const i = keyAt.get(key);
          return i === undefined ? undefined : r.cells[i];
        },
      });
      const refusals = (r: SheetRow, problems: RowProblem[]): ImportRejectionsTable[] =>
        problems.map((p, seq) => ({
          import_id: id,
          row: r.row,
          seq,
          column_name: p.key ? label(p.key) : '',
          reason: p.reason,
          params: JSON.stringify(p.params ?? {}),
        }));
      const handleBatch = async (trx: Transaction<DB>, batch: SheetRow[], kept: ImportRejectionsTable[]) => {
        const problemsOf = new Map<SheetRow, RowProblem[]>();
        for (const r of batch) problemsOf.set(r, await handle(trx, mapped(r)));
        // A handler that writes a batch at once refuses some rows only then.
        const late = handle.flush ? await handle.flush(trx) : new Map<number, RowProblem[]>();
        for (const r of batch) {
          const problems = late.get(r.row) ?? problemsOf.get(r) ?? [];
          progress.done += 1;
          if (problems.length === 0) progress.accepted += 1;
          else {
            progress.rejected += 1;
            kept.push(...refusals(r, problems));
          }
        }
      };

      if (imp.all_or_nothing) {
        const kept: ImportRejectionsTable[] = [];
        try {
          await db.transaction().execute(async (trx) => {
            let batch: SheetRow[] = [];
            for await (const r of rows) {
              batch.push(r);
              if (batch.length < BATCH) continue;
              await handleBatch(trx, batch, kept);
              batch = [];
              onProgress?.(progress);
              if (kept.length >= ALL_OR_NOTHING_REFUSALS) break;
            }
            await handleBatch(trx, batch, kept);
            if (progress.rejected > 0) throw new Refused();
          });
        } catch (err) {
          if (!(err instanceof Refused)) throw err;
        }
        const accepted = progress.rejected > 0 ? 0 : progress.accepted;
        await db.transaction().execute(async (trx) => {
          await repo.insertRejections(trx, kept);
          await repo.updateImport(trx, id, {
            status: 'done',
            total: progress.done,
            done: progress.done,
            accepted,
            rejected: progress.rejected,
            finished_at: nowIso(),
          });
        });
        progress.accepted = accepted;
      } else {
        let batch: SheetRow[] = [];
        const flush = async () => {
          const kept: ImportRejectionsTable[] = [];
          const before = { ...progress };
          try {
            await db.transaction().execute(async (trx) => {
              await handleBatch(trx, batch, kept);
              await repo.insertRejections(trx, kept);
              await repo.updateImport(trx, id, {
                total: progress.done,
                done: progress.done,
                accepted: progress.accepted,
                rejected: progress.rejected,
                last_row: batch[batch.length - 1]?.row ?? imp.last_row,
                bytes_read: progress.bytes,
              });
            });
          } catch (err) {
            Object.assign(progress, { done: before.done, accepted: before.accepted, rejected: before.rejected });
            throw err;
          }
          batch = [];
          onProgress?.(progress);
          if (!(await renewLease(db, lease, holder, until()))) throw new Error('import lease lost');
        };
        for await (const r of rows) {
          if (r.row <= imp.last_row) continue;
          batch.push(r);
          if (batch.length < BATCH) continue;
          await flush();
          if (shouldStop()) {
            // The process is stopping: what is committed stays, the next poll resumes after it.
            source.destroy();
            return (await repo.importById(db, id)) ?? null;
          }
        }
        if (batch.length > 0) await flush();
        await repo.updateImport(db, id, { status: 'done', finished_at: nowIso() });
      }
      if (progress.done === 0 && imp.done === 0) await fail('empty');
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      await fail(err.reason);
    }
    const ended = await repo.importById(db, id);
    if (ended && ended.status !== 'running' && ended.file_path && ended.file_path.includes('/imports/')) {
      rmSync(ended.file_path, { force: true });
      await repo.updateImport(db, id, { file_path: null });
    }
    return (await repo.importById(db, id)) ?? null;
  } finally {
    await releaseLease(db, lease, holder);
  }
}
