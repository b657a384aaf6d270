import type { Kysely } from 'kysely';

// Frozen. How far into its file an import has read, committed with each batch, so the page
// that follows it can draw a progress bar before the number of rows is known.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('bytes_read').execute();
}
