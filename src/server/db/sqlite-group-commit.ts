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
 * Between a savepoint's release and the batch's COMMIT (well under a millisecond of work), a
 * query outside any transaction reads what the batch wrote; a write outside any transaction
 * first commits the batch, so its own acknowledgement is durable too.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #sqlite: StatementSource;
  constructor(sqlite: StatementSource) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }
  override createDriver(): Driver {
    return new GroupCommitDriver(this.#sqlite);
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

class GroupCommitDriver implements Driver {
  readonly #db: StatementSource;
  readonly #mutex = new Mutex();
  /** The transactions of the open batch, waiting for its COMMIT; null when none is open. */
  #batch: Waiter[] | null = null;
  #flushScheduled = false;

  constructor(db: StatementSource) {
    this.#db = db;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new Connection(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Connection).release();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
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

/** One holder of the single connection, from acquire to release. */
class Connection implements DatabaseConnection {
  inTransaction = false;
  #released = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.driver.unlock();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const stmt = this.driver.prepare(sql);
    if (stmt.reader) return { rows: this.#guard(() => stmt.all(parameters)) as R[] };
    // A write of its own is acknowledged when it returns: commit the batch first, so that it
    // runs (and is synced) on its own, after what the batch holds.
    if (!this.inTransaction && this.driver.batchOpen) this.driver.commitBatch();
    const { changes, lastInsertRowid } = this.#guard(() => stmt.run(parameters));
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
    const stmt = this.driver.prepare(sql);
    for (const row of stmt.iterate(parameters)) yield { rows: [row as R] };
  }
}
