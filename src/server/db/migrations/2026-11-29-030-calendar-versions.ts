import type { Kysely } from 'kysely';

// Frozen. What each sign-up's calendar event looked like when a feed last showed it, so a
// change to the shift, the activity or the sign-up (whoever made it) raises the event's
// SEQUENCE and LAST-MODIFIED and subscribed calendars take the new version.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_event_versions')
    .addColumn('signup_id', 'text', (c) => c.primaryKey().references('signups.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_event_versions').execute();
}
