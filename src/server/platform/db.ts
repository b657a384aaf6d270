import { PostgresAdapter, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DB } from '../db/schema.js';

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

const isTransaction = (db: Db): db is Transaction<DB> => db.isTransaction;

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one. Only for a
 * function called both on its own and inside another transaction: anything else opens its
 * transaction at its boundary, or takes the caller's as a `Transaction`.
 */
export const inTransaction = <T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  isTransaction(db) ? fn(db) : db.transaction().execute(fn);
