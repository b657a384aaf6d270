import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { ActivitiesTable, DB, ShiftsTable } from '../../db/schema.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

export type ActivityRow = ActivitiesTable & { organisation_name: string };
export type ShiftRow = Selectable<ShiftsTable>;
/** A shift with the sign-up counts an answer shows. */
export type ShiftWithCounts = ShiftRow & { waitlisted: number; applied: number };

export async function insertActivity(db: Db, row: Insertable<ActivitiesTable>): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function insertShifts(db: Db, rows: Insertable<ShiftsTable>[]): Promise<void> {
  // Chunked: PostgreSQL caps bind parameters per statement.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('shifts')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function activityById(db: Db, id: string): Promise<ActivityRow | undefined> {
  return db
    .selectFrom('activities')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .selectAll('activities')
    .select('organisations.name as organisation_name')
    .where('activities.id', '=', id)
    .executeTakeFirst();
}

export async function activitiesByIds(db: Db, ids: string[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('activities')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .selectAll('activities')
    .select('organisations.name as organisation_name')
    .where('activities.id', 'in', ids)
    .execute();
}

/** Shifts of an activity in time order, with wait-list and pending-approval counts. */
export async function shiftsOf(db: Db, activityId: string): Promise<ShiftWithCounts[]> {
  const shifts = await db
    .selectFrom('shifts')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .select(['signups.shift_id', 'signups.status', (eb) => eb.fn.countAll().as('n')])
    .where('shifts.activity_id', '=', activityId)
    .where('signups.status', 'in', ['waitlisted', 'applied'])
    .groupBy(['signups.shift_id', 'signups.status'])
    .execute();
  const count = (shiftId: string, status: string) =>
    toNumber(counts.find((c) => c.shift_id === shiftId && c.status === status)?.n);
  return shifts.map((s) => ({ ...s, waitlisted: count(s.id, 'waitlisted'), applied: count(s.id, 'applied') }));
}

/** Whether the user's volunteer holds a live sign-up (applied, approved or wait-listed) on a shift of the activity. */
export async function holdsLiveSignup(db: Db, activityId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select('signups.id')
    .where('shifts.activity_id', '=', activityId)
    .where('volunteers.user_id', '=', userId)
    .where('signups.status', 'in', ['applied', 'approved', 'waitlisted'])
    .executeTakeFirst();
  return !!row;
}

export async function shiftById(db: Db, id: string): Promise<ShiftRow | undefined> {
  return db.selectFrom('shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Reads a shift and, on PostgreSQL, locks it until the transaction ends: every change to
 * its `taken` counter and its sign-ups' order goes through this lock. SQLite runs one
 * writer at a time and needs no lock.
 */
export async function lockShift(trx: Transaction<DB>, id: string): Promise<ShiftRow | undefined> {
  const q = trx.selectFrom('shifts').selectAll().where('id', '=', id);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

/** Locks every shift of an activity (in id order, so two lockers cannot deadlock). */
export async function lockShiftsOf(trx: Transaction<DB>, activityId: string): Promise<ShiftRow[]> {
  const q = trx.selectFrom('shifts').selectAll().where('activity_id', '=', activityId).orderBy('id');
  return forUpdateOnPostgres(trx, q).execute();
}

export async function updateActivity(db: Db, id: string, patch: Partial<ActivitiesTable>): Promise<void> {
  await db.updateTable('activities').set(patch).where('id', '=', id).execute();
}

export async function updateShift(db: Db, id: string, patch: Omit<Updateable<ShiftsTable>, 'taken'>): Promise<void> {
  await db.updateTable('shifts').set(patch).where('id', '=', id).execute();
}

/** Cancels every shift of an activity; with its sign-ups cancelled, no place is held. */
export async function cancelShiftsOf(db: Db, activityId: string): Promise<void> {
  await db.updateTable('shifts').set({ status: 'cancelled', taken: 0 }).where('activity_id', '=', activityId).execute();
}

/** Moves a shift's `taken` counter; call only with the shift locked, beside the sign-up change. */
export async function addTaken(trx: Transaction<DB>, id: string, delta: number): Promise<void> {
  await trx
    .updateTable('shifts')
    .set((eb) => ({ taken: eb('taken', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

/** Recomputes the activity's first start and last end from its shifts. */
export async function refreshActivitySpan(db: Db, activityId: string): Promise<void> {
  const r = await db
    .selectFrom('shifts')
    .select((eb) => [eb.fn.min('start_at').as('first'), eb.fn.max('end_at').as('last')])
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  if (r?.first && r.last) {
    await db
      .updateTable('activities')
      .set({ first_start_at: String(r.first), last_end_at: String(r.last) })
      .where('id', '=', activityId)
      .execute();
  }
}

export async function projectExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst());
}

export async function fieldExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('service_fields').select('code').where('code', '=', code).executeTakeFirst());
}

/** Notes when a shift's reminders first went out (for organisers; the dedupe key is what counts). */
export async function markShiftReminded(db: Db, shiftId: string, at: string): Promise<void> {
  await db
    .updateTable('shifts')
    .set({ reminded_at: at })
    .where('id', '=', shiftId)
    .where('reminded_at', 'is', null)
    .execute();
}

/** An organisation's activities of exactly this title (an import names an activity so), at most 50. */
export async function activitiesTitled(db: Db, organisationId: string, title: string) {
  return db
    .selectFrom('activities')
    .select(['id', 'title', 'status', 'first_start_at', 'last_end_at'])
    .where('organisation_id', '=', organisationId)
    .where('title', '=', title)
    .orderBy('id')
    .limit(50)
    .execute();
}
