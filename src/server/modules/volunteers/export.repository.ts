import type { Db } from '../../db/database.js';

/**
 * Reads for a volunteer's own data export that no other module answers by volunteer.
 * Every query here is bound to one volunteer id: nothing of anyone else can come out.
 */

/** The encrypted personal data of a volunteer and their account's contact e-mail. */
export async function encryptedPersonalData(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select(['volunteers.id_number_enc', 'users.phone_enc', 'users.email_enc'])
    .where('volunteers.id', '=', volunteerId)
    .executeTakeFirst();
}

/** The volunteer's memberships with the organisation's name, oldest first. */
export async function membershipsOf(db: Db, volunteerId: string, limit: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id',
      'memberships.organisation_id',
      'memberships.volunteer_id',
      'memberships.role',
      'memberships.status',
      'memberships.joined_at',
      'organisations.name as organisation_name',
    ])
    .where('memberships.volunteer_id', '=', volunteerId)
    .orderBy('memberships.id')
    .limit(limit)
    .execute();
}

/** The volunteer's check-ins and check-outs with the positions they sent, oldest first. */
export async function attendanceOf(db: Db, volunteerId: string, limit: number) {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
