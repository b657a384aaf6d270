import type { Kysely } from 'kysely';

// Frozen. The site (阵地) that handled a need: the site of the site manager who reviewed or
// dispatched it, so the statistics can count needs by site. Null when only region admins acted.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('needs')
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .execute();
  await db.schema.createIndex('needs_site').on('needs').columns(['site_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_site').execute();
  await db.schema.alterTable('needs').dropColumn('site_id').execute();
}
