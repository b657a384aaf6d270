import type { Db } from '../../db/database.js';
import type { CalendarEventVersionsTable, CalendarFeedsTable } from '../../db/schema.js';

export async function volunteerOfUser(db: Db, userId: string): Promise<{ id: string; locale: string } | undefined> {
  return db
    .selectFrom('volunteers')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select(['volunteers.id', 'users.locale'])
    .where('volunteers.user_id', '=', userId)
    .executeTakeFirst();
}

export async function feedOf(db: Db, volunteerId: string): Promise<CalendarFeedsTable | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

/** Creates the feed unless one exists (two first requests at once keep the first). */
export async function insertFeed(db: Db, row: CalendarFeedsTable): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values(row)
    .onConflict((oc) => oc.column('volunteer_id').doNothing())
    .execute();
}

/** Replaces the token: the old URL stops working at once. */
export async function replaceFeed(db: Db, row: CalendarFeedsTable): Promise<void> {
  await db
    .updateTable('calendar_feeds')
    .set({ token_hash: row.token_hash, token_enc: row.token_enc, created_at: row.created_at })
    .where('volunteer_id', '=', row.volunteer_id)
    .execute();
}

export async function feedByTokenHash(
  db: Db,
  hash: string,
): Promise<{ volunteerId: string; locale: string } | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('volunteers', 'volunteers.id', 'calendar_feeds.volunteer_id')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select(['calendar_feeds.volunteer_id as volunteerId', 'users.locale'])
    .where('calendar_feeds.token_hash', '=', hash)
    .executeTakeFirst();
}

export interface FeedRow {
  signupId: string;
  signupStatus: string;
  signupCreatedAt: string;
  shiftStart: string;
  shiftEnd: string;
  shiftStatus: string;
  activityId: string;
  activityTitle: string;
  activityStatus: string;
  address: string;
  lat: number;
  lng: number;
  organisationName: string;
}

/** A volunteer's sign-ups whose shift ends at or after `since`, in start order. */
export async function feedRows(db: Db, volunteerId: string, since: string): Promise<FeedRow[]> {
  return db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .select([
      'signups.id as signupId',
      'signups.status as signupStatus',
      'signups.created_at as signupCreatedAt',
      'shifts.start_at as shiftStart',
      'shifts.end_at as shiftEnd',
      'shifts.status as shiftStatus',
      'activities.id as activityId',
      'activities.title as activityTitle',
      'activities.status as activityStatus',
      'activities.address',
      'activities.lat',
      'activities.lng',
      'organisations.name as organisationName',
    ])
    .where('signups.volunteer_id', '=', volunteerId)
    .where('shifts.end_at', '>=', since)
    .orderBy('shifts.start_at')
    .orderBy('signups.id')
    .limit(1000)
    .execute();
}

export async function versionsOf(db: Db, signupIds: string[]): Promise<CalendarEventVersionsTable[]> {
  if (!signupIds.length) return [];
  return db.selectFrom('calendar_event_versions').selectAll().where('signup_id', 'in', signupIds).execute();
}

export async function insertVersion(db: Db, row: CalendarEventVersionsTable): Promise<void> {
  await db
    .insertInto('calendar_event_versions')
    .values(row)
    .onConflict((oc) => oc.column('signup_id').doNothing())
    .execute();
}

/** Moves an event to its next version, unless a concurrent fetch already did. */
export async function bumpVersion(db: Db, row: CalendarEventVersionsTable, previousFingerprint: string): Promise<void> {
  await db
    .updateTable('calendar_event_versions')
    .set({ fingerprint: row.fingerprint, sequence: row.sequence, modified_at: row.modified_at })
    .where('signup_id', '=', row.signup_id)
    .where('fingerprint', '=', previousFingerprint)
    .execute();
}
