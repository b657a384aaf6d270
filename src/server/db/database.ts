import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type KyselyConfig, type Transaction } from 'kysely';
import { GroupCommitSqliteDialect, type StatementSource } from './sqlite-group-commit.js';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Either the database or an open transaction: repositories take this as their first argument. */
export type Db = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** The dialect a DATABASE_URL names, or an error that says what is accepted. */
export function dialectOf(url: string): Dialect {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`DATABASE_URL must be sqlite:<path> or postgres://user@host:port/db, got "${url.split(':')[0]}:…"`);
}

/**
 * Opens the database a URL names. SQLite runs in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a crash and a power loss; foreign keys are on and writers
 * wait up to 5 s for the lock.
 */
export interface OpenOptions {
  /** PostgreSQL connections in the pool (10). */
  poolSize?: number;
  /** Kysely's query log (for profiling: each query with its duration). */
  log?: KyselyConfig['log'];
  /** SQLite's page cache in KiB (better-sqlite3 builds SQLite with 16,000). */
  sqliteCacheKiB?: number;
}

export function openDatabase(url: string, opts: OpenOptions = {}): Database {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') {
      // The data folder and a new database only for this user: SQLite gives its -wal and -shm
      // files the database file's permissions.
      mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
      if (!existsSync(path)) writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
    }
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (opts.sqliteCacheKiB !== undefined) sqlite.pragma(`cache_size = -${Math.trunc(opts.sqliteCacheKiB)}`);
    const db = new Kysely<DB>({ dialect: new GroupCommitSqliteDialect(withStatementCache(sqlite)), log: opts.log });
    return { db, dialect, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    Client: PreparingClient,
    types: PG_TYPES,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: opts.log });
  return { db, dialect, close: () => db.destroy() };
}

const INT8_OID = 20;

/**
 * int8 (`bigint` columns: points, balances, counts of goods; count()) as a JS number, as
 * SQLite answers: the ledger keeps every amount within Number.MAX_SAFE_INTEGER. A value
 * beyond it stays its exact decimal text rather than becoming a rounded number.
 */
export const parseInt8 = (text: string): number | string => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
};

const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** How many prepared statements one SQLite connection keeps (the app has a few hundred distinct queries). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQLite connection as Kysely's driver sees it, with each statement prepared once and
 * reused: the driver prepares every query afresh, which cost a tenth of a check-in's time.
 * A statement still being iterated (a streamed query) is busy, so the same text then gets a
 * fresh one. Least recently used statements go first when the cache is full.
 */
export function withStatementCache(sqlite: SQLite.Database): StatementSource {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare: (sql: string) => {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return stmt;
    },
  };
}

/** Statements worth preparing: queries and writes, not DDL or transaction control. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * A PostgreSQL connection that prepares each query once (named by its text's hash) and then
 * only binds and executes it: the server neither parses nor plans it again on that
 * connection. Kysely sends parameterised text, so one name serves every call of a query.
 */
class PreparingClient extends pg.Client {
  // pg's overloads are many; this one catches the (text, values) form Kysely uses.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && PREPARABLE.test(text)) {
      const name = `k${createHash('sha1').update(text).digest('base64url')}`;
      return (super.query as (...a: unknown[]) => never)({ name, text, values });
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/** pg returns count()/sum() as strings, SQLite as numbers: normalise here. */
export const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
