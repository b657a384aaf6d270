import type { Kysely } from 'kysely';

// Frozen. Stories (志愿风采): an organisation's illustrated story, reviewed by its parent
// organisation (or the region admins over it) before the portal shows it. `body` is the
// sanitised document as JSON (paragraphs, headings, quotes, images by file id) — never HTML;
// `photo_ids` lists the story's files the body and the cover use, so the sweeper knows which
// uploads were never used. Story tips (线索): sent by anyone, kept with the organisation chosen
// for their region; the contact is personal data, encrypted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('cover_file_id', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('stories_status_published')
    .on('stories')
    .columns(['status', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('stories_organisation').on('stories').columns(['organisation_id', 'id']).execute();
  await db.schema.createIndex('stories_region').on('stories').columns(['region_code', 'status']).execute();

  await db.schema
    .createTable('story_tips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('contact_enc', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('story_tips_organisation').on('story_tips').columns(['organisation_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('story_tips').execute();
  await db.schema.dropTable('stories').execute();
}
