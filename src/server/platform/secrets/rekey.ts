import type { Transaction } from 'kysely';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import * as repo from './rekey.repository.js';

/**
 * One table's encrypted columns, as the module that owns the table declares them for a secret
 * rotation: what to re-encrypt under the current key, and which keyed hashes to recompute from the
 * plaintext (a hash cannot be carried over from one key to the next).
 */
export interface EncryptedColumns {
  table: string;
  /** The primary key, one column. */
  key: string;
  encrypted: string[];
  /** A keyed hash recomputed from `from`'s plaintext (null when it is null) under the namespace of the row. */
  hashes?: { column: string; from: string; namespace: (row: Record<string, unknown>) => string }[];
  /** Further columns `namespace` reads. */
  reads?: string[];
}

/** Rows re-keyed per transaction: small enough to keep the database answering others in between. */
const BATCH = 500;

async function rewrite(trx: Transaction<DB>, cipher: PersonalDataCipher, spec: EncryptedColumns, row: repo.Row) {
  const set: Record<string, string | null> = {};
  const plain: Record<string, string | null> = {};
  for (const c of spec.encrypted) {
    const v = row[c];
    plain[c] = typeof v === 'string' ? cipher.decrypt(v) : null;
    set[c] = plain[c] === null ? null : cipher.encrypt(plain[c]);
  }
  for (const h of spec.hashes ?? []) {
    const p = plain[h.from];
    set[h.column] = p === null || p === undefined ? null : cipher.lookupHash(h.namespace(row), p);
  }
  await repo.rewriteRow(trx, spec, row[spec.key], set);
}

/**
 * Re-encrypts every value of the table not yet under the current key, and recomputes its hashes,
 * a batch per transaction. Safe to run again after an interruption: done rows are skipped.
 */
export async function rekeyTable(
  db: Db,
  cipher: PersonalDataCipher,
  spec: EncryptedColumns,
  onBatch: (done: number) => void = () => {},
): Promise<number> {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await repo.staleRows(db, spec, cipher.currentKeyId, after, BATCH);
    if (rows.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await rewrite(trx, cipher, spec, row);
    });
    done += rows.length;
    after = String(rows[rows.length - 1]?.[spec.key]);
    onBatch(done);
  }
}

/** How many of the table's rows still hold a value not made under the current key. */
export const countStale = (db: Db, cipher: PersonalDataCipher, spec: EncryptedColumns): Promise<number> =>
  repo.countStaleRows(db, spec, cipher.currentKeyId);
