import type { Kysely } from 'kysely';

// Frozen. Security counters that every process shares and that outlive a restart: failed
// logins per account and per address, SMS codes per phone and address, registrations per
// address, wrong current passwords. One row per key; `expires_at` says when it may be
// forgotten (a cleanup deletes older rows). And sessions get an idle timeout: `last_seen_at`,
// refreshed at most once a minute.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    // Fixed windows: when the window started. Progressive delays: when the first failure was.
    .addColumn('window_start', 'text', (c) => c.notNull())
    // Progressive delays: the earliest instant the next attempt is heard (ISO-8601 UTC).
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_counters_expires').on('security_counters').column('expires_at').execute();

  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('security_counters').execute();
}
