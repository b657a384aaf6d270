import type { Kysely } from 'kysely';

// Frozen. Spreadsheet imports run as background jobs: `imports` holds each one's state, the
// file it reads (kept under the data folder until it is done) and its counts; the rows it
// refused are kept in `import_rejections` (row, the column's header as in the file, a reason
// code and its parameters), so the error report is written in the reader's language when it is
// asked for. `last_row` is the file row up to which the counts and writes are committed (in
// the same transaction as each batch), so an import interrupted by a restart resumes after it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('all_or_nothing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_path', 'text')
    .addColumn('file_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_created_by').on('imports').columns(['created_by', 'id']).execute();
  await db.schema.createIndex('imports_status').on('imports').columns(['status', 'id']).execute();

  await db.schema
    .createTable('import_rejections')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('import_rejections_pk', ['import_id', 'row', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_rejections').execute();
  await db.schema.dropTable('imports').execute();
}
