import type { Kysely } from 'kysely';

// Frozen. The photos the taker attached when completing a need: a JSON list of file ids (files
// of kind need_photo owned by the need), in the order given.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('needs')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('needs').dropColumn('photo_ids').execute();
}
