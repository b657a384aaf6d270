import type { Kysely } from 'kysely';

// Frozen. Whom a volunteer signed up for an activity calls: a name and a phone the organiser
// gives, both optional. They are the organiser's working contact, shown only to the activity's
// organisers and to volunteers holding a live sign-up, never in the public list.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('activities').addColumn('contact_phone', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('contact_phone').execute();
  await db.schema.alterTable('activities').dropColumn('contact_name').execute();
}
