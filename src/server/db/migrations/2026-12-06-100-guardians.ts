import type { Kysely } from 'kysely';

// Frozen. A minor's guardian and their consent (PIPL art. 31): the guardian's name and phone
// encrypted, a keyed hash of the phone, its masked form, the relation, and when and by which
// SMS code the consent was proved. One guardian per volunteer; a new consent replaces it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guardians')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey().references('volunteers.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('verification_code_id', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guardians').execute();
}
