import type { Insertable, Transaction } from 'kysely';
import type { SignupStatus } from '../../../common/contract/signups.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { DB, SignupsTable } from '../../db/schema.js';
import { compiledQuery } from '../../platform/compiled.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

/** Statuses that hold or wait for a place: the ones overlap checks and cancellation see. */
export const LIVE: readonly SignupStatus[] = ['applied', 'approved', 'waitlisted'];
/** Statuses that count against capacity (`shifts.taken`). */
export const HOLDING = ['approved', 'attended', 'no_show'] as const;

export type SignupRow = SignupsTable;

/** The volunteer of a user, locked on PostgreSQL so one person's sign-ups run one at a time. */
export async function lockVolunteerOfUser(trx: Transaction<DB>, userId: string) {
  const q = trx
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'name', 'status', 'id_type', 'id_number_enc', 'signup_suspended_until'])
    .where('user_id', '=', userId);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

export async function volunteerOfUser(db: Db, userId: string) {
  return db.selectFrom('volunteers').select(['id', 'user_id']).where('user_id', '=', userId).executeTakeFirst();
}

export async function lockVolunteer(trx: Transaction<DB>, id: string) {
  const q = trx.selectFrom('volunteers').select(['id', 'signup_suspended_until']).where('id', '=', id);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

export async function signupById(db: Db, id: string): Promise<SignupRow | undefined> {
  return db.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function liveSignupOf(db: Db, shiftId: string, volunteerId: string) {
  return db
    .selectFrom('signups')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', [...LIVE, 'attended', 'no_show'])
    .executeTakeFirst();
}

/** A live sign-up of the volunteer whose shift overlaps [start, end). */
export async function overlapping(db: Db, volunteerId: string, start: string, end: string, exceptShift: string) {
  return db
    .selectFrom('signups')
    .select(['id', 'shift_id', 'start_at', 'end_at'])
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', [...LIVE])
    .where('shift_id', '<>', exceptShift)
    .where('start_at', '<', end)
    .where('end_at', '>', start)
    .executeTakeFirst();
}

export async function nextSeq(db: Db, shiftId: string): Promise<number> {
  const r = await db
    .selectFrom('signups')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('shift_id', '=', shiftId)
    .executeTakeFirst();
  return toNumber(r?.m) + 1;
}

export async function insertSignup(db: Db, row: Insertable<SignupsTable>): Promise<void> {
  await db.insertInto('signups').values(row).execute();
}

export async function updateSignup(db: Db, id: string, patch: Partial<Omit<SignupsTable, 'id'>>): Promise<void> {
  await db.updateTable('signups').set(patch).where('id', '=', id).execute();
}

/** The first of the wait-list: lowest arrival number. */
export async function firstWaitlisted(db: Db, shiftId: string): Promise<SignupRow | undefined> {
  return db
    .selectFrom('signups')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .where('status', '=', 'waitlisted')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

/** Live sign-ups of an activity with the user to notify. */
export async function liveSignupsOfActivity(db: Db, activityId: string) {
  return db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select(['signups.id', 'signups.shift_id', 'signups.start_at', 'volunteers.user_id'])
    .where('shifts.activity_id', '=', activityId)
    .where('signups.status', 'in', [...LIVE])
    .execute();
}

/** Live sign-ups of one shift with the user to notify. */
export async function liveSignupsOfShift(db: Db, shiftId: string) {
  return db
    .selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select(['signups.id', 'volunteers.user_id'])
    .where('signups.shift_id', '=', shiftId)
    .where('signups.status', 'in', [...LIVE])
    .execute();
}

export async function cancelLiveOfActivity(db: Db, activityId: string, at: string, reason: string): Promise<void> {
  await db
    .updateTable('signups')
    .set({ status: 'cancelled', decided_at: at, reason })
    .where('status', 'in', [...LIVE])
    .where('shift_id', 'in', (eb) => eb.selectFrom('shifts').select('id').where('activity_id', '=', activityId))
    .execute();
}

/** Keeps the sign-ups' copies of the shift times in step with the shift. */
export async function retimeSignups(db: Db, shiftId: string, start: string, end: string): Promise<void> {
  await db.updateTable('signups').set({ start_at: start, end_at: end }).where('shift_id', '=', shiftId).execute();
}

/** A shift's sign-ups in arrival order, with the volunteer's name and code. */
export async function signupsOfShift(db: Db, shiftId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select([
      'signups.id',
      'signups.volunteer_id',
      'signups.status',
      'signups.created_at',
      'signups.seq',
      'volunteers.name',
      'volunteers.volunteer_code',
    ])
    .where('signups.shift_id', '=', shiftId)
    .where('signups.seq', '>', afterSeq)
    .orderBy('signups.seq')
    .limit(limit + 1)
    .execute();
}

/** No-shows per volunteer for shifts that started at or after `since`. */
export async function noShowCounts(db: Db, volunteerIds: string[], since: string): Promise<Map<string, number>> {
  if (volunteerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signups')
    .select(['volunteer_id', (eb) => eb.fn.countAll().as('n')])
    .where('volunteer_id', 'in', volunteerIds)
    .where('status', '=', 'no_show')
    .where('start_at', '>=', since)
    .groupBy('volunteer_id')
    .execute();
  return new Map(rows.map((r) => [r.volunteer_id, toNumber(r.n)]));
}

/** A volunteer's sign-ups, soonest shift first, with the activity title. */
export async function signupsOfVolunteer(
  db: Db,
  volunteerId: string,
  f: { status?: SignupStatus; endsAfter?: string },
  after: { s: string; id: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .select([
      'signups.id',
      'signups.shift_id',
      'signups.status',
      'signups.start_at',
      'signups.end_at',
      'activities.id as activity_id',
      'activities.title',
    ])
    .where('signups.volunteer_id', '=', volunteerId);
  if (f.status) q = q.where('signups.status', '=', f.status);
  if (f.endsAfter) q = q.where('signups.end_at', '>', f.endsAfter);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('signups.start_at', '>', after.s),
        eb.and([eb('signups.start_at', '=', after.s), eb('signups.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('signups.start_at')
    .orderBy('signups.id')
    .limit(limit + 1)
    .execute();
}

/** Qualifications the volunteer holds that are valid on `day` (YYYY-MM-DD). */
export async function validQualifications(db: Db, volunteerId: string, day: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('volunteer_qualifications')
    .select('kind')
    .where('volunteer_id', '=', volunteerId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', day)]))
    .execute();
  return new Set(rows.map((r) => r.kind));
}

export async function userOfVolunteer(db: Db, volunteerId: string): Promise<string | undefined> {
  const r = await db.selectFrom('volunteers').select('user_id').where('id', '=', volunteerId).executeTakeFirst();
  return r?.user_id;
}

/**
 * A first check-in turns the approved sign-up into `attended` (a status the sign-ups
 * module counts as holding a place), so the volunteer can no longer be marked a no-show.
 */
export async function markSignupAttended(db: Db, signupId: string): Promise<void> {
  await markAttended(db, signupId);
}

const markAttended = compiledQuery((db, signupId: string) =>
  db.updateTable('signups').set({ status: 'attended' }).where('id', '=', signupId).where('status', '=', 'approved'),
);
