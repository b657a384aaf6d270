import type { Kysely } from 'kysely';

// Frozen. The register of service certificates (志愿服务证明). Each row is one issue, with a
// snapshot of what the certificate shows (the volunteer's name, ID type and masked number, the
// records with their hours, the organisation and the people on it), so the public verification
// page shows exactly what was printed. `code` is the random verification code; `serial` the
// number printed on the document.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('serial', 'text', (c) => c.notNull().unique())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('shown', 'text', (c) => c.notNull())
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('total_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificates_volunteer').on('certificates').columns(['volunteer_id', 'id']).execute();
  await db.schema
    .createIndex('certificates_organisation')
    .on('certificates')
    .columns(['organisation_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
}
