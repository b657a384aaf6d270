import { sql, type Transaction } from 'kysely';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

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

type Row = Record<string, unknown>;

/** Rows holding any ciphertext not made under the current key, after `after`. */
function stale(db: Db, cipher: PersonalDataCipher, spec: EncryptedColumns, after: string | null, limit: number) {
  const prefix = `v2.${cipher.currentKeyId}.%`;
  const oneStale = spec.encrypted.map((c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} not like ${prefix})`);
  const columns = [spec.key, ...spec.encrypted, ...(spec.reads ?? [])].map((c) => sql.ref(c));
  return sql<Row>`select ${sql.join(columns)} from ${sql.table(spec.table)}
    where (${sql.join(oneStale, sql` or `)}) ${after === null ? sql`` : sql`and ${sql.ref(spec.key)} > ${after}`}
    order by ${sql.ref(spec.key)} limit ${limit}`.execute(db);
}

async function rewrite(trx: Transaction<DB>, cipher: PersonalDataCipher, spec: EncryptedColumns, row: Row) {
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
  const assignments = Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
  await sql`update ${sql.table(spec.table)} set ${sql.join(assignments)}
    where ${sql.ref(spec.key)} = ${row[spec.key]}`.execute(trx);
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
    const { rows } = await stale(db, cipher, spec, after, BATCH);
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
export async function countStale(db: Db, cipher: PersonalDataCipher, spec: EncryptedColumns): Promise<number> {
  const prefix = `v2.${cipher.currentKeyId}.%`;
  const oneStale = spec.encrypted.map((c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} not like ${prefix})`);
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(spec.table)}
    where ${sql.join(oneStale, sql` or `)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
