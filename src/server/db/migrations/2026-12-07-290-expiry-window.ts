import { sql, type Kysely } from 'kysely';

// Frozen. The daily points expiry looks only at what changed since its last run: credits that
// reached their date since then (the partial index on expires_at serves that) and credits
// written since then (this index), instead of every credit that ever expired.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('point_entries_credits_created')
    .on('point_entries')
    .column('created_at')
    .where(sql.ref('amount'), '>', 0)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('point_entries_credits_created').execute();
}
