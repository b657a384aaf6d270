import type { Kysely } from 'kysely';

// Frozen. Indexes for the statistics overview and a site's calendar: records and shifts are
// counted over a time window (without them every figure reads the whole table), and a site's
// calendar looks activities up by site.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('records_status_start').on('service_records').columns(['status', 'start_at']).execute();
  await db.schema.createIndex('shifts_start').on('shifts').column('start_at').execute();
  await db.schema.createIndex('activities_site').on('activities').column('site_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_site').execute();
  await db.schema.dropIndex('shifts_start').execute();
  await db.schema.dropIndex('records_status_start').execute();
}
