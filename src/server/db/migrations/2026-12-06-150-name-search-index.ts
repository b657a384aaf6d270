import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. Volunteers found by the start of their name walk an index in byte order (name, then
// id): the search is a range on it and its pages follow its order, so a page reads about a
// page of rows whatever the city's size. PostgreSQL builds it in the "C" collation, which the
// queries name (platform/db.ts inByteOrder); SQLite's default BINARY is the same order.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`create index volunteers_name on volunteers (name collate "C", id)`.execute(db);
  else await db.schema.createIndex('volunteers_name').on('volunteers').columns(['name', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('volunteers_name').execute();
}
