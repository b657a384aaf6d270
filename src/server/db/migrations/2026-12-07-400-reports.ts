import type { Kysely } from 'kysely';

// Frozen. Reports (随手拍): a signed-in person points at a problem (category, text, region, the
// position only if they agreed, encrypted; photos as a JSON list of file ids of kind
// report_photo, owned by the report). Routing rules (region, category) → organisation, set by
// region admins; the most specific rule up the region tree routes a new report, none leaves it
// unrouted in the region admins' queue. Each step is appended to report_events: the timeline.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_routes_region_category', ['region_code', 'category'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reporter_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('position_enc', 'text')
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('reports_reporter').on('reports').columns(['reporter_user_id', 'id']).execute();
  await db.schema.createIndex('reports_region').on('reports').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('reports_organisation').on('reports').columns(['organisation_id', 'status']).execute();

  await db.schema
    .createTable('report_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('report_events_report').on('report_events').columns(['report_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_events').execute();
  await db.schema.dropTable('reports').execute();
  await db.schema.dropTable('report_routes').execute();
}
