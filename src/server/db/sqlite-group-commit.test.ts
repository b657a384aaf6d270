import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';
import { GroupCommitSqliteDialect, type StatementSource } from './sqlite-group-commit.js';

interface T {
  t: { id: Generated<number>; v: string };
}

/** A real SQLite file behind the group-commit driver; `failCommit` makes the next COMMIT fail as a full disk would. */
function open(dir: string) {
  const path = join(dir, 'g.db');
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  const cached = withStatementCache(raw);
  const state = { commits: 0, failCommit: false };
  const source: StatementSource = {
    close: () => cached.close(),
    get inTransaction() {
      return cached.inTransaction;
    },
    prepare: (text: string) => {
      if (text === 'commit') {
        state.commits += 1;
        if (state.failCommit) {
          state.failCommit = false;
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        }
      }
      return cached.prepare(text);
    },
  };
  const db = new Kysely<T>({ dialect: new GroupCommitSqliteDialect(source) });
  /** What another connection (another process) sees: only what was committed. */
  const committed = () => {
    const other = new SQLite(path, { readonly: true });
    try {
      return (other.prepare('SELECT v FROM t ORDER BY id').all() as { v: string }[]).map((r) => r.v);
    } finally {
      other.close();
    }
  };
  return { db, state, committed };
}

describe('SQLite group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shanmei-group-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits transactions of the same turn together, each acknowledged only once committed', async () => {
    const { db, state, committed } = open(dir);
    const seenAtAck: string[][] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            trx
              .insertInto('t')
              .values({ v: `v${i}` })
              .execute(),
          )
          .then(() => seenAtAck.push(committed())),
      ),
    );
    expect(committed()).toHaveLength(20);
    // every acknowledgement came after its row was visible to another connection
    seenAtAck.forEach((rows, i) => expect(rows.length).toBeGreaterThanOrEqual(i + 1));
    expect(state.commits).toBeLessThan(20);
    await db.destroy();
  });

  it('rolls back only the failing transaction of a batch', async () => {
    const { db, committed } = open(dir);
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => trx.insertInto('t').values({ v: 'a' }).execute()),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'b' }).execute();
        await trx.insertInto('t').values({ v: 'a' }).execute(); // unique violation: b goes too
      }),
      db.transaction().execute((trx) => trx.insertInto('t').values({ v: 'c' }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a', 'c']);
    await db.destroy();
  });

  it('fails every transaction of a batch whose commit fails, and keeps none of them', async () => {
    const { db, state, committed } = open(dir);
    state.failCommit = true;
    const results = await Promise.allSettled(
      ['x', 'y', 'z'].map((v) => db.transaction().execute((trx) => trx.insertInto('t').values({ v }).execute())),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(committed()).toEqual([]);
    // the next batch works
    await db.transaction().execute((trx) => trx.insertInto('t').values({ v: 'w' }).execute());
    expect(committed()).toEqual(['w']);
    await db.destroy();
  });

  it('commits the open batch before a write outside any transaction, so that write is durable when it returns', async () => {
    const { db, committed } = open(dir);
    const inBatch = db.transaction().execute((trx) => trx.insertInto('t').values({ v: 'in-batch' }).execute());
    // queued behind the transaction on the one connection; runs before the batch's own flush
    const alone = db
      .insertInto('t')
      .values({ v: 'alone' })
      .execute()
      .then(() => committed());
    await inBatch;
    expect(await alone).toEqual(['in-batch', 'alone']);
    await db.destroy();
  });

  it('keeps savepoints inside a transaction and commits what is left on close', async () => {
    const { db, committed } = open(dir);
    const trx = await db.startTransaction().execute();
    await trx.insertInto('t').values({ v: 'kept' }).execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('t').values({ v: 'undone' }).execute();
    await sp.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(committed()).toEqual(['kept']);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]?.n).toBe(1);
    await db.destroy();
  });
});
