import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../../db/database.js';
import { toNumber } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';

/** Reads of what the demo left, the load's marker, and the bulk phase's indexes and pragmas. */

/** The settings key that marks a database holding a generated city (or one being loaded). */
export const MARKER_KEY = 'demo.scale';

export interface SavedIndex {
  name: string;
  sql: string;
}

export interface ScaleMarker {
  status: 'loading' | 'done';
  scale: string;
  fraction: number;
  seed: number;
  asOf: string;
  startedAt: string;
  finishedAt?: string;
  /** Indexes dropped for the bulk phase, with the statements that recreate them. */
  droppedIndexes: SavedIndex[];
}

export async function readMarker(db: Db): Promise<ScaleMarker | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', MARKER_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as ScaleMarker) : null;
}

export async function writeMarker(db: Db, marker: ScaleMarker, at: string): Promise<void> {
  const value = JSON.stringify(marker);
  await db
    .insertInto('settings')
    .values({ key: MARKER_KEY, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function countRows(db: Db, table: 'organisations' | 'volunteers' | 'sites' | 'users'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(r.n);
}

export async function allOrganisations(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'level', 'region_code', 'parent_id', 'department_id', 'fields'])
    .orderBy('id')
    .execute();
}

export async function allOrganisationClosure(db: Db) {
  return db.selectFrom('organisation_closure').select(['ancestor', 'descendant', 'depth']).execute();
}

/** Organisations that have a leading member already (the demo's first member of a team leads it). */
export async function teamLeaders(db: Db) {
  return db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('role', '=', 'leader')
    .where('status', '=', 'active')
    .execute();
}

export async function allSites(db: Db) {
  return db
    .selectFrom('sites')
    .select(['id', 'name', 'type', 'region_code', 'address', 'lat', 'lng'])
    .orderBy('id')
    .execute();
}

/** Codes and ID hashes already taken, so generated people never clash with registered ones. */
export async function takenVolunteerKeys(db: Db) {
  const rows = await db.selectFrom('volunteers').select(['volunteer_code', 'id_number_hash']).execute();
  return {
    codes: new Set(rows.map((r) => r.volunteer_code)),
    idHashes: new Set(rows.map((r) => r.id_number_hash)),
  };
}

export async function takenReceiptNumbers(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('redemptions').select('receipt_no').execute();
  return new Set(rows.map((r) => r.receipt_no));
}

export async function allPointAccounts(db: Db) {
  return db.selectFrom('point_accounts').select(['id', 'kind', 'owner_id', 'balance', 'entry_seq']).execute();
}

export async function allPointRules(db: Db) {
  return db.selectFrom('point_rules').selectAll().orderBy('id', 'desc').execute();
}

export async function allProjects(db: Db) {
  return db.selectFrom('projects').select(['id', 'department_id']).orderBy('id').execute();
}

/**
 * The secondary indexes of `tables` that the bulk drops and rebuilds, with the statement that
 * makes each: every non-unique index except those in `keep` (whose keys arrive in order, so
 * keeping them costs less than rebuilding). Unique indexes always stay.
 */
export async function rebuildableIndexes(
  db: Kysely<DB>,
  dialect: Dialect,
  tables: readonly string[],
  keep: ReadonlySet<string>,
): Promise<SavedIndex[]> {
  const rows =
    dialect === 'sqlite'
      ? (
          await sql<SavedIndex & { tbl: string }>`
            select name, sql, tbl_name as tbl from sqlite_master
            where type = 'index' and sql is not null order by name`.execute(db)
        ).rows
      : (
          await sql<SavedIndex & { tbl: string }>`
            select indexname as name, indexdef as sql, tablename as tbl from pg_indexes
            where schemaname = current_schema() order by indexname`.execute(db)
        ).rows;
  return rows
    .filter((r) => tables.includes(r.tbl) && !keep.has(r.name) && !/^\s*create\s+unique/i.test(r.sql))
    .map((r) => ({ name: r.name, sql: r.sql }));
}

export async function dropIndex(db: Kysely<DB>, name: string): Promise<void> {
  await sql`drop index if exists ${sql.id(name)}`.execute(db);
}

/** Recreates a dropped index with the very statement that had made it. */
export async function recreateIndex(db: Kysely<DB>, index: SavedIndex): Promise<void> {
  await sql.raw(index.sql).execute(db);
}

/** SQLite connection settings the bulk phase changes and then puts back. */
export const BULK_PRAGMAS = ['journal_mode', 'synchronous', 'foreign_keys', 'cache_size', 'threads'] as const;
export type BulkPragma = (typeof BULK_PRAGMAS)[number];

export async function readPragma(db: Kysely<DB>, name: BulkPragma): Promise<string> {
  const r = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
  return String(Object.values(r.rows[0] ?? {})[0] ?? '');
}

export async function setPragma(db: Kysely<DB>, name: BulkPragma, value: string | number): Promise<void> {
  if (!/^[\w-]+$/.test(String(value))) throw new Error(`pragma ${name}: bad value ${value}`);
  await sql`${sql.raw(`pragma ${name} = ${value}`)}`.execute(db);
}

/** Refreshes PostgreSQL's planner statistics of the tables after a bulk load. */
export async function analyzeTables(db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(db);
}
