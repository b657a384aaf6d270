import { sql, type Kysely } from 'kysely';

// Frozen. What each check-in looks up, found without reading a whole shift or a whole life:
// a volunteer's sign-up for a shift in any status (the partial unique index serves only
// queries that name exactly its statuses, so a check-in read every sign-up of the shift),
// and a volunteer's open attendances (opening one asks whether another is open elsewhere).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('signups_shift_volunteer').on('signups').columns(['shift_id', 'volunteer_id']).execute();
  await db.schema
    .createIndex('attendance_open_by_volunteer')
    .on('attendance')
    .column('volunteer_id')
    .where(sql.ref('checked_out_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('attendance_open_by_volunteer').execute();
  await db.schema.dropIndex('signups_shift_volunteer').execute();
}
