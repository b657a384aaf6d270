import type { Kysely } from 'kysely';

// Frozen. Service times (SLA) for residents' needs: how long each step may take, in minutes, per
// region. A row holds a region's own times; a step left null takes the nearest ancestor's (the
// city's row is the city default), and the code's defaults under all. Each need keeps when its
// current step is due (`due_at`, null once nothing is waited for), so the board can filter and
// sort overdue needs in SQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('need_slas')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code'))
    .addColumn('review_minutes', 'integer')
    .addColumn('dispatch_minutes', 'integer')
    .addColumn('take_minutes', 'integer')
    .addColumn('done_minutes', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('needs').addColumn('due_at', 'text').execute();
  await db.schema.createIndex('needs_due').on('needs').columns(['due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_due').execute();
  await db.schema.alterTable('needs').dropColumn('due_at').execute();
  await db.schema.dropTable('need_slas').execute();
}
