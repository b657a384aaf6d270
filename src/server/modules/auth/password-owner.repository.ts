import type { Db } from '../../db/database.js';

/** The encrypted personal data the password policy compares a new password with. */
export async function passwordOwnerRow(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('volunteers', 'volunteers.user_id', 'users.id')
    .select(['users.display_name', 'users.phone_enc', 'volunteers.id_number_enc'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}
