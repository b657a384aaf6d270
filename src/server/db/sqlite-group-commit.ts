import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/**
 * SQLite with group commit. With synchronous=FULL every COMMIT waits for the disk (an fsync of
 * the write-ahead log, 0.6 ms on this machine's disk when idle and several ms when it is
 * busy), and SQLite has one writer: at a big event's check-in that wait, not the work, bounds
 * the rate. Here the transactions that run in the same turn of the event loop share one
 * COMMIT: the first opens an outer transaction (BEGIN IMMEDIATE), each runs inside it as a
 * savepoint (its rollback undoes only its own work), and the outer COMMIT runs once the
 * turn's other work is done. A transaction's commit resolves only after that COMMIT has
 * reached the disk, so nothing is acknowledged before it is durable; if the COMMIT fails,
 * every transaction of the batch fails.
 *
 * A write outside any transaction first commits the batch, so its own acknowledgement is
 * durable too.
 *
 * Reads outside any transaction go to a second, read-only connection when there is one (a
 * database file; WAL lets it read beside the writer): they see what has been committed, never
 * a batch still open, and they do not queue behind the transactions for the writing connection
 * (at a big event each check-in would otherwise wait in that queue three times: who is calling,
 * what the scan needs, its transaction). A statement that writes, or that the read connection
 * cannot prepare (a temporary table of the writing one), and every PRAGMA (they are set per
 * connection), runs on the writing connection. The read connection is opened at the first read,
 * and closed while the writing one leaves WAL mode (a bulk load's `journal_mode = memory` needs
 * the file to itself; outside WAL, readers would block the writer).
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #sqlite: StatementSource;
  readonly #reader: (() => StatementSource) | null;
  constructor(sqlite: StatementSource, reader: (() => StatementSource) | null = null) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
    this.#reader = reader;
  }
  override createDriver(): Driver {
    return new GroupCommitDriver(this.#sqlite, this.#reader);
  }
}

/** What the driver needs of a better-sqlite3 database (the statement cache provides it). */
export interface StatementSource {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  /** Whether SQLite has a transaction open on the connection. */
  readonly inTransaction: boolean;
}

/** One waiter per transaction in the open batch. */
interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/** The single connection's lock: first come, first served, but for the batch's COMMIT (`lockFirst`). */
class Mutex {
  #locked = false;
  #queue: (() => void)[] = [];
  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#queue.push(resolve));
  }
  /** Takes the lock as soon as its holder lets go, before everyone already waiting. */
  async lockFirst(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#queue.unshift(resolve));
  }
  unlock(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
  }
}

const PRAGMA = /^\s*pragma\b/i;
const JOURNAL_MODE_SET = /^\s*pragma\s+(main\.)?journal_mode\s*=/i;

class GroupCommitDriver implements Driver {
  readonly #db: StatementSource;
  readonly #openReader: (() => StatementSource) | null;
  #reader: StatementSource | null = null;
  /** Whether reads may go to the read connection: the writing one is in WAL mode. */
  #wal = true;
  readonly #mutex = new Mutex();
  /** The transactions of the open batch, waiting for its COMMIT; null when none is open. */
  #batch: Waiter[] | null = null;
  #flushScheduled = false;

  constructor(db: StatementSource, openReader: (() => StatementSource) | null) {
    this.#db = db;
    this.#openReader = openReader;
  }

  async init(): Promise<void> {}

  /** A handle that takes the writing connection when it first needs it (at once without a reader). */
  async acquireConnection(): Promise<DatabaseConnection> {
    const c = new Connection(this);
    if (!this.#openReader) await c.hold();
    return c;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Connection).release();
  }

  lock(): Promise<void> {
    return this.#mutex.lock();
  }

  /**
   * A statement for the read connection, if it can run there: it only reads, and the read
   * connection knows its tables. Undefined sends it to the writing connection.
   */
  readStatement(sql: string): SQLite.Statement | undefined {
    if (!this.#openReader || !this.#wal || PRAGMA.test(sql)) return undefined;
    let stmt: SQLite.Statement;
    try {
      this.#reader ??= this.#openReader();
      stmt = this.#reader.prepare(sql);
    } catch {
      return undefined;
    }
    return stmt.reader && stmt.readonly ? stmt : undefined;
  }

  /**
   * Runs a statement on the writing connection (its holder calls it). A change of journal mode
   * first closes the read connection, and reads use one again only once the mode is WAL.
   */
  runOnWriter<T>(sql: string, run: () => T): T {
    if (!JOURNAL_MODE_SET.test(sql)) return run();
    this.#reader?.close();
    this.#reader = null;
    try {
      return run();
    } finally {
      // (Not pluck(): that would change the cached statement for every other caller.)
      const row = this.#db.prepare('pragma journal_mode').get() as { journal_mode?: string } | undefined;
      this.#wal = row?.journal_mode?.toLowerCase() === 'wal';
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).hold();
    this.checkBatch(new Error('The batch transaction ended before its commit (the database reported an error)'));
    if (!this.#batch) {
      this.run('begin immediate');
      this.#batch = [];
      this.#scheduleFlush();
    }
    this.run('savepoint group_commit');
    (connection as Connection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as Connection;
    this.run('release group_commit');
    c.inTransaction = false;
    const batch = this.#batch;
    if (!batch) return;
    const durable = new Promise<void>((resolve, reject) => batch.push({ resolve, reject }));
    // Let others use the connection (and join the batch) while this one waits for the disk.
    c.release();
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as Connection;
    c.inTransaction = false;
    // A failure that ended the whole outer transaction (I/O error, disk full) left no savepoint.
    if (!this.#batch || !this.inSqliteTransaction()) return;
    this.run('rollback to group_commit');
    this.run('release group_commit');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`savepoint "${name.replace(/"/g, '""')}"`);
    void connection;
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`rollback to "${name.replace(/"/g, '""')}"`);
    void connection;
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`release "${name.replace(/"/g, '""')}"`);
    void connection;
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    try {
      this.commitBatch();
    } finally {
      this.#db.close();
      this.#reader?.close();
      this.#reader = null;
    }
  }

  /** Runs a statement that returns nothing. */
  run(sql: string): void {
    this.#db.prepare(sql).run();
  }

  inSqliteTransaction(): boolean {
    return this.#db.inTransaction;
  }

  /**
   * After a failed statement: an error that ended the whole outer transaction (I/O error,
   * disk full, a busy lock) lost every savepoint of the batch, so each of its transactions
   * fails rather than being reported durable.
   */
  checkBatch(cause: unknown): void {
    const batch = this.#batch;
    if (!batch || this.inSqliteTransaction()) return;
    this.#batch = null;
    for (const w of batch) w.reject(cause);
  }

  get batchOpen(): boolean {
    return this.#batch !== null;
  }

  prepare(sql: string): SQLite.Statement {
    return this.#db.prepare(sql);
  }

  /**
   * Commits the open batch (the caller holds the connection) and settles its waiters: all
   * resolve once the COMMIT returned (it has reached the disk), or all fail with its error.
   */
  commitBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = null;
    try {
      if (this.inSqliteTransaction()) this.run('commit');
      else throw new Error('The batch transaction ended before its commit (the database reported an error)');
    } catch (err) {
      if (this.inSqliteTransaction()) this.run('rollback');
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) w.resolve();
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // The COMMIT goes before the queries already waiting for the connection: under load dozens
    // wait, new transactions among them join the open batch, and a COMMIT at the back of that
    // queue would keep the batch's first transactions waiting for all of them (a long tail).
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#mutex.lockFirst().then(() => {
        try {
          this.commitBatch();
        } finally {
          this.#mutex.unlock();
        }
      });
    });
  }

  unlock(): void {
    this.#mutex.unlock();
  }
}

/** One user of the database from acquire to release; it holds the writing connection once it needs it. */
class Connection implements DatabaseConnection {
  inTransaction = false;
  #holds = false;
  #released = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  /** Takes the writing connection (waiting for its turn), unless this already holds it. */
  async hold(): Promise<void> {
    if (this.#holds) return;
    await this.driver.lock();
    this.#holds = true;
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#holds) this.driver.unlock();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    if (!this.#holds) {
      const read = this.driver.readStatement(sql);
      if (read) return { rows: read.all(parameters) as R[] };
      await this.hold();
    }
    const stmt = this.driver.prepare(sql);
    if (stmt.reader)
      return { rows: this.driver.runOnWriter(sql, () => this.#guard(() => stmt.all(parameters))) as R[] };
    // A write of its own is acknowledged when it returns: commit the batch first, so that it
    // runs (and is synced) on its own, after what the batch holds.
    if (!this.inTransaction && this.driver.batchOpen) this.driver.commitBatch();
    const { changes, lastInsertRowid } = this.driver.runOnWriter(sql, () => this.#guard(() => stmt.run(parameters)));
    return {
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    };
  }

  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      this.driver.checkBatch(err);
      throw err;
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { sql, parameters, query } = compiled;
    if (!SelectQueryNode.is(query)) throw new Error('SQLite streams only select queries');
    const read = this.#holds ? undefined : this.driver.readStatement(sql);
    if (!read) await this.hold();
    const stmt = read ?? this.driver.prepare(sql);
    for (const row of stmt.iterate(parameters)) yield { rows: [row as R] };
  }
}
