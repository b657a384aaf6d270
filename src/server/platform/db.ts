import { PostgresAdapter } from 'kysely';
import type { Db } from '../db/database.js';

/** Whether the handle talks to PostgreSQL (else SQLite). */
export const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Locks the selected rows until the transaction ends: `FOR UPDATE` on PostgreSQL. SQLite has
 * one writer, so a write transaction already holds everything it reads.
 */
export const forUpdateOnPostgres = <Q extends { forUpdate(): Q }>(db: Db, q: Q): Q =>
  isPostgres(db) ? q.forUpdate() : q;

/** A unique index refused the write, in either driver's words. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one. */
export const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);
