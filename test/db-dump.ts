import { sql } from 'kysely';
import type { Db, Dialect } from '../src/server/db/database.js';

/** The names of every table of the database, in order. */
export async function tableNames(db: Db, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
          db,
        );
  return rows.rows.map((r) => r.name);
}

/** Every row of a table, as read back. */
export async function rowsOf(db: Db, table: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows;
}

/** Every non-null cell of every table, as text: what "appears in no table" is checked against. */
export async function allCells(db: Db, dialect: Dialect): Promise<string[]> {
  const out: string[] = [];
  for (const name of await tableNames(db, dialect)) {
    for (const r of await rowsOf(db, name)) for (const v of Object.values(r)) if (v !== null) out.push(String(v));
  }
  return out;
}
