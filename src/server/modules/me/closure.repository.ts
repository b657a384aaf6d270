import type { Db } from '../../db/database.js';

/** Sign-ups of the volunteer still holding or waiting for a place on shifts yet to start. */
export async function openSignupsAhead(db: Db, volunteerId: string, now: string) {
  return db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .select('signups.id')
    .where('signups.volunteer_id', '=', volunteerId)
    .where('signups.status', 'in', ['applied', 'approved', 'waitlisted'])
    .where('shifts.start_at', '>', now)
    .execute();
}

/**
 * Erases what identifies the person and keeps what their service proves: records, hours,
 * the ledger and the statistics stay, tied to a volunteer code that now names nobody.
 */
export async function eraseVolunteer(db: Db, volunteerId: string, at: string): Promise<void> {
  await db
    .updateTable('volunteers')
    .set({
      name: '已注销',
      id_number_enc: '',
      id_number_hash: `closed:${volunteerId}`,
      id_number_masked: '—',
      birth_year: null,
      gender: null,
      skills: '[]',
      fields: '[]',
      availability: '[]',
      status: 'closed',
      updated_at: at,
    })
    .where('id', '=', volunteerId)
    .execute();
  await db.deleteFrom('volunteer_qualifications').where('volunteer_id', '=', volunteerId).execute();
  // Their honours name them (the points those earned stay in the ledger, as all points do).
  await db
    .deleteFrom('honours')
    .where('subject_kind', '=', 'volunteer')
    .where('subject_id', '=', volunteerId)
    .execute();
  await db.deleteFrom('calendar_feeds').where('volunteer_id', '=', volunteerId).execute();
  await db.deleteFrom('guardians').where('volunteer_id', '=', volunteerId).execute();
  await db.deleteFrom('counter_pins').where('volunteer_id', '=', volunteerId).execute();
  await db
    .updateTable('memberships')
    .set({ status: 'ended', joined_at: at })
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['invited', 'applied', 'active'])
    .execute();
  // The reasons the person gave for corrections are their own words: gone with them.
  await db.updateTable('record_corrections').set({ reason: '—' }).where('volunteer_id', '=', volunteerId).execute();
}

/** The account itself: no name, contact, login or roles left; its sessions and tokens end. */
export async function eraseUser(db: Db, userId: string, phoneHash: string | null, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      username: null,
      display_name: '已注销用户',
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      email_enc: null,
      email_masked: null,
      // No password verifies against this: the account cannot be logged into again.
      password_hash: 'closed',
      status: 'closed',
    })
    .where('id', '=', userId)
    .execute();
  if (phoneHash) await db.deleteFrom('verification_codes').where('phone_hash', '=', phoneHash).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_prefs').where('user_id', '=', userId).execute();
  const notices = db.selectFrom('notifications').select('id').where('user_id', '=', userId);
  await db.deleteFrom('outbox').where('notification_id', 'in', notices).execute();
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute();
}

/** Roles the user holds over others (anything but their own volunteer or resident role). */
export async function dutiesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select('role')
    .where('user_id', '=', userId)
    .where('role', 'not in', ['volunteer', 'resident'])
    .execute();
  return rows.map((r) => r.role);
}

export async function accountOf(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('volunteers', 'volunteers.user_id', 'users.id')
    .select(['users.id', 'users.password_hash', 'users.phone_hash', 'users.status', 'volunteers.id as volunteer_id'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}
