import type { Kysely } from 'kysely';

// Frozen. One-time codes sent by SMS to prove a phone is the caller's: for registering, for
// changing the phone of an account and for resetting a password. Only a keyed hash of the
// phone and of the code is kept; a code lives minutes and allows a few attempts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('verification_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'text')
    .execute();
  await db.schema
    .createIndex('verification_codes_phone')
    .on('verification_codes')
    .columns(['phone_hash', 'purpose', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('verification_codes').execute();
}
