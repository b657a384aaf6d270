/** The SQL of a secret rotation: rows still under an older key, and each row rewritten. */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { EncryptedColumns } from './rekey.js';

export type Row = Record<string, unknown>;

/** Any encrypted column of the row holds a value whose key id is not `keyId`. */
const anyStale = (spec: EncryptedColumns, keyId: string) =>
  sql.join(
    spec.encrypted.map((c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} not like ${`v2.${keyId}.%`})`),
    sql` or `,
  );

/** Up to `limit` rows holding a value not made under key `keyId`, after key value `after`, in key order. */
export async function staleRows(
  db: Db,
  spec: EncryptedColumns,
  keyId: string,
  after: string | null,
  limit: number,
): Promise<Row[]> {
  const columns = [spec.key, ...spec.encrypted, ...(spec.reads ?? [])].map((c) => sql.ref(c));
  const { rows } = await sql<Row>`select ${sql.join(columns)} from ${sql.table(spec.table)}
    where (${anyStale(spec, keyId)}) ${after === null ? sql`` : sql`and ${sql.ref(spec.key)} > ${after}`}
    order by ${sql.ref(spec.key)} limit ${limit}`.execute(db);
  return rows;
}

/** Sets the columns of the row whose key is `key`. */
export async function rewriteRow(
  trx: Transaction<DB>,
  spec: EncryptedColumns,
  key: unknown,
  set: Record<string, string | null>,
): Promise<void> {
  const assignments = Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
  await sql`update ${sql.table(spec.table)} set ${sql.join(assignments)}
    where ${sql.ref(spec.key)} = ${key}`.execute(trx);
}

/** How many rows hold a value not made under key `keyId`. */
export async function countStaleRows(db: Db, spec: EncryptedColumns, keyId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(spec.table)}
    where ${anyStale(spec, keyId)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
