import type { Kysely } from 'kysely';

// Frozen. An honour's certificate image (证书图片): the id of a file of kind honour_image owned by
// the honour, or null. One at a time: uploading another replaces it (the old file is forgotten).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('honours').addColumn('image_file_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('honours').dropColumn('image_file_id').execute();
}
