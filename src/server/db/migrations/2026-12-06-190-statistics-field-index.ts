import type { Kysely } from 'kysely';

// Frozen. The overview reads one field of stats_flows (every field together, '*') over a range
// of days: with the field after the period in the key, each day's search passed over every
// field's row; this index puts the field first, so a range of days reads one row per day.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('stats_flows_field')
    .on('stats_flows')
    .columns(['region_code', 'department_id', 'field', 'grain', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('stats_flows_field').execute();
}
