import { PostgresAdapter, sql, type Insertable, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
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

/**
 * Runs `fn` under a savepoint of `trx`: if it throws, what it wrote is undone and the
 * transaction goes on (on PostgreSQL a failed statement would otherwise spoil the whole of it).
 */
export async function underSavepoint<T>(trx: Transaction<DB>, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint shanmei_sp`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint shanmei_sp`.execute(trx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint shanmei_sp`.execute(trx);
    throw err;
  }
}

/**
 * A text column in byte order (UTF-8 code point order): PostgreSQL's "C" collation, SQLite's
 * BINARY. Prefix searches and their ORDER BY use it, so one b-tree index built the same way
 * serves both the range and the order, whatever the database's locale.
 */
export const inByteOrder = (db: Db, column: string): RawBuilder<string> =>
  isPostgres(db) ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;

/**
 * `column` starts with `prefix`, as the range [prefix, the prefix with its last character
 * moved up by one) in byte order: an index on the column in byte order serves it, where LIKE
 * would need the whole table on SQLite (case-insensitive LIKE) and a pattern index on PostgreSQL.
 */
export function startsWith(db: Db, column: string, prefix: string): RawBuilder<SqlBool> {
  const col = inByteOrder(db, column);
  const chars = [...prefix];
  const last = chars.pop()?.codePointAt(0);
  if (last === undefined) return sql<SqlBool>`true`;
  if (last >= 0x10ffff) return sql<SqlBool>`${col} >= ${prefix}`;
  const upper = chars.join('') + String.fromCodePoint(last + 1);
  return sql<SqlBool>`(${col} >= ${prefix} and ${col} < ${upper})`;
}

/**
 * Sets `column` of each row named by id to the time given with it, unless the row already holds
 * a later one: one statement for many rows (`UPDATE … FROM (VALUES …)`, which both dialects
 * read alike), so that times noted in passing cost a write per batch, not per request.
 */
export async function writeLatestTimes(
  db: Db,
  table: 'sessions' | 'api_tokens',
  column: string,
  entries: readonly (readonly [id: string, at: string])[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const rows = entries.slice(i, i + 500).map(([id, at]) => sql`(${id}, ${at})`);
    const col = sql.ref(`${table}.${column}`);
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = v.column2
      from (values ${sql.join(rows)}) as v
      where ${sql.ref(`${table}.id`)} = v.column1 and (${col} is null or ${col} < v.column2)`.execute(db);
  }
}

/**
 * Inserts many rows of one table in one statement (the caller keeps a batch within the
 * databases' limits). On PostgreSQL the rows travel as one JSON parameter read back with the
 * table's own row type (`json_populate_recordset`): the server parses and plans one short
 * statement rather than a VALUES list of thousands of parameters, and neither Kysely nor the
 * driver handles each value on its own. For a batch of 500 volunteers and their accounts that is
 * about a third faster. Rows whose columns differ (a missing column takes its default in a VALUES
 * list, but would be null here), values that are expressions, and SQLite, which has no such
 * cost, take the VALUES list.
 */
export async function insertMany<T extends keyof DB & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const first = rows[0] as Record<string, unknown>;
  const columns = Object.keys(first).filter((k) => first[k] !== undefined);
  // The same columns in every row, each a plain value (an expression cannot travel as JSON).
  const plain = (r: object) => {
    const values = r as Record<string, unknown>;
    let n = 0;
    for (const k in values) {
      const v = values[k];
      if (v === undefined) continue;
      if ((typeof v === 'object' && v !== null) || !(k in first) || first[k] === undefined) return false;
      n += 1;
    }
    return n === columns.length;
  };
  if (!isPostgres(db) || !rows.every(plain)) {
    // Kysely's types cannot follow a table name chosen by the caller; the rows are that table's.
    await db
      .insertInto(table)
      .values(rows as never)
      .execute();
    return;
  }
  const list = sql.join(columns.map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(db);
}
