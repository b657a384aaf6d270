import type { Kysely } from 'kysely';

// Frozen. A department's volunteers are the active members of its organisations, and a person
// may belong to several of them: stats_department_members keeps, per volunteer and department,
// how many active memberships they hold there, so the statistics count them once, as they join
// (0 → 1) and leave (1 → 0), instead of counting the memberships of a whole department per query.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stats_department_members')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_department_members_pk', ['volunteer_id', 'department_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stats_department_members').execute();
}
