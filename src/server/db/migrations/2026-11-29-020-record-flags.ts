import type { Kysely } from 'kysely';

// Frozen. Service records carry the flags of the attendance they came from (auto-closed,
// too short, coarse position...), so the organiser sees why a record needs a look.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('service_records')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_records').dropColumn('flags').execute();
}
