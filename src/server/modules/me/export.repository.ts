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
