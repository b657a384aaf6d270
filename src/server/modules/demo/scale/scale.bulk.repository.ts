import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import {
  BULK_COLUMNS,
  BULK_FIXED,
  BULK_ORDER as ORDER,
  BULK_REPEATING,
  type BulkRow,
  type BulkTable,
} from './scale.columns.js';
import type { SqliteWriterThread } from './scale.sqlite-writer.js';

/**
 * The bulk writer's SQL: prepared multi-row INSERTs on SQLite, `unnest` of one array per column
 * on PostgreSQL (one parameter per column, whatever the number of rows), each phase in one
 * transaction.
 */

const literal = (v: string | number | null): string =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;

// SQLite binds at most 32,766 parameters a statement; PostgreSQL's unnest takes any number of rows.
const SQLITE_PARAMS = 32_766;
const SQLITE_ROWS = 250;
const PG_ROWS = 10_000;

const quote = (name: string) => `"${name}"`;

/** A table's pending rows: full chunks of one statement's size, and the one being filled. */
interface Buffer {
  /** The columns that take a parameter, and the fixed ones with their values. */
  variable: readonly string[];
  fixed: [string, string | number | null][];
  /** Positions (within a row) of the variable columns whose values repeat. */
  repeating: number[];
  width: number;
  full: unknown[][];
  current: unknown[];
  filled: number;
}

/**
 * Buffers rows per table in chunks of one statement each and writes them when `flushIfFull`
 * finds enough pending. On PostgreSQL, which checks foreign keys at once, a flush writes every
 * pending row in the order of BULK_COLUMNS, so a row never precedes one it refers to; on SQLite
 * (foreign keys off for the bulk) only full chunks, so every statement has the same shape.
 * Inside `transaction` all writes share one database transaction: a phase commits once.
 */
export class BulkWriter {
  private readonly buffers = new Map<BulkTable, Buffer>();
  private readonly written = new Map<BulkTable, number>();
  private readonly millis = new Map<BulkTable, number>();
  private readonly statements = new Map<string, string>();
  private pgTypes = new Map<string, string>();
  private pendingRows = 0;
  private trx: Transaction<DB> | null = null;
  private readonly flushRows: number;

  /**
   * On SQLite the rows go to `thread`, a connection of their own in a worker; on PostgreSQL
   * through the pool.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
    private readonly thread: SqliteWriterThread | null,
    opts: {
      /** Rows held before `flushIfFull` writes them. */
      flushRows?: number;
      /** Fixed values of this load on top of BULK_FIXED (the one unusable password hash). */
      fixed?: { [T in BulkTable]?: Record<string, string | number | null> };
    } = {},
  ) {
    if (dialect === 'sqlite' && !thread) throw new Error('the SQLite bulk writes through its writer thread');
    this.flushRows = opts.flushRows ?? (dialect === 'sqlite' ? 5_000 : 50_000);
    for (const t of ORDER) {
      const fixed = Object.entries({ ...BULK_FIXED[t], ...opts.fixed?.[t] });
      const variable = BULK_COLUMNS[t].filter((c) => !fixed.some(([f]) => f === c));
      const width = variable.length;
      const rows = dialect === 'sqlite' ? Math.min(SQLITE_ROWS, Math.floor(SQLITE_PARAMS / width)) : PG_ROWS;
      const repeating = variable.flatMap((c, i) => (BULK_REPEATING[t]?.includes(c) ? [i] : []));
      this.buffers.set(t, {
        variable,
        fixed,
        repeating,
        width,
        full: [],
        current: new Array<unknown>(rows * width),
        filled: 0,
      });
    }
  }

  /** Reads the PostgreSQL column types that the unnest casts name. */
  async init(): Promise<void> {
    if (this.dialect !== 'postgres') return;
    const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema()`.execute(this.db);
    this.pgTypes = new Map(r.rows.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
  }

  add<T extends BulkTable>(table: T, row: BulkRow<T>): void {
    const b = this.buffers.get(table) as Buffer;
    const r = row as Record<string, unknown>;
    for (const [c, v] of b.fixed) {
      if ((r[c] ?? null) !== v)
        throw new Error(`${table}.${c}: the bulk writes ${String(v)} there, not ${String(r[c])}`);
    }
    const values = b.current;
    let i = b.filled;
    for (const c of b.variable) values[i++] = r[c] ?? null;
    b.filled = i;
    if (i === values.length) {
      b.full.push(values);
      b.current = new Array<unknown>(values.length);
      b.filled = 0;
    }
    this.pendingRows += 1;
  }

  /**
   * Runs `work` in one database transaction that every write of the writer joins; what is
   * still pending is written before it commits. `work` reads nothing from the database: on
   * PostgreSQL the transaction holds a connection of the pool, on SQLite the writer thread
   * holds the write lock.
   */
  async transaction<R>(work: () => Promise<R>): Promise<R> {
    const thread = this.thread;
    if (thread) {
      await thread.exec('begin');
      try {
        const result = await work();
        await this.flush();
        await thread.exec('commit');
        return result;
      } catch (err) {
        await thread.rollback();
        throw err;
      }
    }
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      this.trx = trx;
      try {
        const result = await work();
        await this.flush();
        return result;
      } finally {
        this.trx = null;
      }
    });
  }

  /** Rows written so far per table. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.written);
  }

  /** Seconds the generator waited for the writer thread so far (SQLite). */
  waitedSeconds(): number {
    return Math.round((this.thread?.waitedMs ?? 0) / 100) / 10;
  }

  /** Seconds spent writing each table (the database's share of the load). */
  seconds(): Record<string, number> {
    const millis = this.thread?.millis ?? this.millis;
    return Object.fromEntries([...millis].map(([t, ms]) => [t, Math.round(ms / 100) / 10]));
  }

  async flushIfFull(): Promise<void> {
    if (this.pendingRows >= this.flushRows) await this.write(this.dialect === 'postgres');
  }

  /** Writes every pending row. */
  async flush(): Promise<void> {
    if (this.pendingRows > 0) await this.write(true);
  }

  private async write(partialToo: boolean): Promise<void> {
    const go = async (trx: Transaction<DB> | null) => {
      for (const table of ORDER) {
        const b = this.buffers.get(table) as Buffer;
        const chunks = b.full;
        b.full = [];
        if (partialToo && b.filled > 0) {
          chunks.push(b.current.slice(0, b.filled));
          b.current = new Array<unknown>(b.current.length);
          b.filled = 0;
        }
        if (chunks.length === 0) continue;
        const started = performance.now();
        let rows = 0;
        for (const values of chunks) {
          const n = values.length / b.width;
          rows += n;
          if (this.thread) {
            await this.thread.run(this.sqliteInsert(table, n), values, table, { width: b.width, columns: b.repeating });
          } else if (trx) await this.insertPostgres(trx, table, values, n);
        }
        this.pendingRows -= rows;
        this.written.set(table, (this.written.get(table) ?? 0) + rows);
        this.millis.set(table, (this.millis.get(table) ?? 0) + performance.now() - started);
      }
    };
    if (this.trx || this.thread) await go(this.trx);
    else await this.transaction(() => go(this.trx));
  }

  /** The column list and, per column, a parameter or the fixed value's literal. */
  private shape(table: BulkTable, param: (c: string, i: number) => string) {
    const b = this.buffers.get(table) as Buffer;
    const fixed = new Map(b.fixed);
    let i = 0;
    const exprs = BULK_COLUMNS[table].map((c) =>
      fixed.has(c) ? literal(fixed.get(c) as string | number | null) : param(c, i++),
    );
    return { columns: BULK_COLUMNS[table].map(quote).join(','), exprs };
  }

  private sqliteInsert(table: BulkTable, rows: number): string {
    const key = `${table}:${rows}`;
    let text = this.statements.get(key);
    if (!text) {
      const { columns, exprs } = this.shape(table, () => '?');
      text = `insert into ${quote(table)} (${columns}) values ${Array(rows)
        .fill(`(${exprs.join(',')})`)
        .join(',')}`;
      this.statements.set(key, text);
    }
    return text;
  }

  private async insertPostgres(trx: Transaction<DB>, table: BulkTable, values: unknown[], n: number): Promise<void> {
    const b = this.buffers.get(table) as Buffer;
    const { columns, exprs } = this.shape(table, (c) => `u.${quote(c)}`);
    const casts = b.variable.map((c, i) => `$${i + 1}::${this.pgType(table, c)}[]`);
    const text =
      `insert into ${quote(table)} (${columns}) select ${exprs.join(',')} ` +
      `from unnest(${casts.join(',')}) as u(${b.variable.map(quote).join(',')})`;
    const arrays = b.variable.map((_, c) => {
      const column = new Array<unknown>(n);
      for (let i = 0; i < n; i++) column[i] = values[i * b.width + c];
      return column;
    });
    await trx.executeQuery(CompiledQuery.raw(text, arrays));
  }

  private pgType(table: string, column: string): string {
    const t = this.pgTypes.get(`${table}.${column}`);
    if (!t) throw new Error(`no column ${table}.${column} in the database`);
    return t;
  }

  /**
   * Sets columns of existing rows by key, many rows a statement: `rows` are [key, ...values]
   * in the order of `columns`. Used for the cached totals known only at the end (balances,
   * confirmed minutes, stock). Joins the open transaction if there is one.
   */
  async updateMany(table: BulkTable, key: string, columns: string[], rows: unknown[][]): Promise<void> {
    const width = columns.length + 1;
    const chunk = this.dialect === 'sqlite' ? Math.floor(SQLITE_PARAMS / width) : PG_ROWS;
    const go = async (trx: Transaction<DB> | null) => {
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        if (this.dialect === 'sqlite') {
          const sets = columns.map((c, j) => `${quote(c)} = v.column${j + 2}`).join(', ');
          const tuple = `(${Array(width).fill('?').join(',')})`;
          const text =
            `update ${quote(table)} set ${sets} from (values ${Array(slice.length).fill(tuple).join(',')}) as v ` +
            `where ${quote(table)}.${quote(key)} = v.column1`;
          if (this.thread) await this.thread.run(text, slice.flat(), table);
          else if (trx) await trx.executeQuery(CompiledQuery.raw(text, slice.flat()));
        } else if (trx) {
          const names = [key, ...columns];
          const casts = names.map((c, j) => `$${j + 1}::${this.pgType(table, c)}[]`);
          const sets = columns.map((c) => `${quote(c)} = v.${quote(c)}`).join(', ');
          const text =
            `update ${quote(table)} set ${sets} from unnest(${casts.join(',')}) as v(${names.map(quote).join(',')}) ` +
            `where ${quote(table)}.${quote(key)} = v.${quote(key)}`;
          await trx.executeQuery(
            CompiledQuery.raw(
              text,
              names.map((_, j) => slice.map((r) => r[j])),
            ),
          );
        }
      }
    };
    if (this.trx || this.thread) await go(this.trx);
    else await this.transaction(() => go(this.trx));
  }
}
