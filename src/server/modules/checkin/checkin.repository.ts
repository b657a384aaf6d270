import type { Insertable, Transaction } from 'kysely';
import type { AttendanceMethod } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { AttendanceTable, DB } from '../../db/schema.js';
import { compiledQuery } from '../../platform/compiled.js';
import { forUpdateOnPostgres } from '../../platform/db.js';
import type { AttendanceRow } from './checkin.presenter.js';

/** What check-in needs to know about a shift and its activity. */
export interface ShiftFacts {
  id: string;
  activity_id: string;
  start_at: string;
  end_at: string;
  break_minutes: number;
  shift_status: string;
  activity_status: string;
  organisation_id: string;
  title: string;
  address: string;
  lat: number;
  lng: number;
  radius_m: number;
}

export async function shiftFacts(db: Db, shiftId: string): Promise<ShiftFacts | undefined> {
  return (await shiftFactsQuery(db, shiftId)).rows[0];
}

const SHIFT_FACT_COLUMNS = [
  'shifts.id',
  'shifts.activity_id',
  'shifts.start_at',
  'shifts.end_at',
  'shifts.break_minutes',
  'shifts.status as shift_status',
  'activities.status as activity_status',
  'activities.organisation_id',
  'activities.title',
  'activities.address',
  'activities.lat',
  'activities.lng',
  'activities.radius_m',
] as const;

const shiftFactsQuery = compiledQuery((db, shiftId: string) =>
  db
    .selectFrom('shifts')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .select(SHIFT_FACT_COLUMNS)
    .where('shifts.id', '=', shiftId),
);

/** The columns a new attendance is written with, in the order the compiled insert takes them. */
const ATTENDANCE_COLUMNS = [
  'id',
  'shift_id',
  'volunteer_id',
  'signup_id',
  'day',
  'checked_in_at',
  'in_method',
  'in_lat',
  'in_lng',
  'in_accuracy_m',
  'checked_out_at',
  'out_method',
  'out_lat',
  'out_lng',
  'out_accuracy_m',
  'flags',
  'reason',
  'recorded_by',
  'created_at',
] as const;
/** An attendance's columns, each selected as `a_<column>` beside a shift's. */
const OPEN_COLUMNS = [...ATTENDANCE_COLUMNS, 'auto_closed'] as const satisfies readonly (keyof AttendanceTable)[];

/** What a volunteer's scan of a shift needs to know: the shift, their open attendance there, their sign-up. */
export interface ScanFacts {
  shift: ShiftFacts;
  open: AttendanceRow | undefined;
  /** The approved (or already attended) sign-up, the only kind that may check in. */
  signupId: string | undefined;
}

/**
 * The shift, the volunteer's open attendance of it and their approved sign-up, in one statement:
 * a scan is one round trip before its transaction, not three (on PostgreSQL each is a wait).
 */
export async function scanFacts(db: Db, shiftId: string, volunteerId: string): Promise<ScanFacts | undefined> {
  const r = (await scanFactsQuery(db, shiftId, volunteerId)).rows[0] as Record<string, unknown> | undefined;
  if (!r) return undefined;
  const { signup_id, ...rest } = r;
  const shift = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('a_'))) as unknown as ShiftFacts;
  const open =
    r.a_id === null ? undefined : (Object.fromEntries(OPEN_COLUMNS.map((c) => [c, r[`a_${c}`]])) as AttendanceRow);
  return { shift, open, signupId: (signup_id as string | null) ?? undefined };
}

const scanFactsQuery = compiledQuery((db, shiftId: string, volunteerId: string) =>
  db
    .selectFrom('shifts')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .leftJoin('attendance', (j) =>
      j
        .onRef('attendance.shift_id', '=', 'shifts.id')
        .on('attendance.volunteer_id', '=', volunteerId)
        .on('attendance.checked_out_at', 'is', null),
    )
    .select(SHIFT_FACT_COLUMNS)
    .select(OPEN_COLUMNS.map((c) => `attendance.${c} as a_${c}` as const))
    .select((eb) =>
      eb
        .selectFrom('signups')
        .select('signups.id')
        .whereRef('signups.shift_id', '=', 'shifts.id')
        .where('signups.volunteer_id', '=', volunteerId)
        .where('signups.status', 'in', ['approved', 'attended'])
        .limit(1)
        .as('signup_id'),
    )
    .where('shifts.id', '=', shiftId),
);

export async function volunteerExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('volunteers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The volunteer's approved sign-up for the shift (the only kind that may check in). */
export async function approvedSignup(db: Db, shiftId: string, volunteerId: string): Promise<string | undefined> {
  return (await approvedSignupQuery(db, shiftId, volunteerId)).rows[0]?.id;
}

const approvedSignupQuery = compiledQuery((db, shiftId: string, volunteerId: string) =>
  db
    .selectFrom('signups')
    .select('id')
    .where('shift_id', '=', shiftId)
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['approved', 'attended']),
);

export async function openAttendance(db: Db, shiftId: string, volunteerId: string) {
  return (await openAttendanceQuery(db, shiftId, volunteerId)).rows[0];
}

const openAttendanceQuery = compiledQuery((db, shiftId: string, volunteerId: string) =>
  db
    .selectFrom('attendance')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .where('volunteer_id', '=', volunteerId)
    .where('checked_out_at', 'is', null),
);

/** The volunteer's latest attendance for the shift, open or not. */
export async function latestAttendance(db: Db, shiftId: string, volunteerId: string) {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function attendanceById(db: Db, id: string) {
  return db.selectFrom('attendance').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * What opening an attendance must know, in one statement of three indexed counts: whether one
 * is open for this shift, whether one is open elsewhere, and how many pairs began on the day.
 * On PostgreSQL it locks the volunteer's row until the transaction ends, so two concurrent
 * check-ins cannot both pass the pairs-per-day count (SQLite runs one writer at a time); the
 * lock and the counts are one round trip. Undefined when the volunteer does not exist.
 */
export async function lockedAttendanceFacts(
  trx: Transaction<DB>,
  volunteerId: string,
  shiftId: string,
  day: string,
): Promise<{ here: boolean; elsewhere: boolean; pairsToday: number } | undefined> {
  const r = (await attendanceFactsQuery(trx, volunteerId, shiftId, day)).rows[0];
  return r && { here: toNumber(r.here) > 0, elsewhere: toNumber(r.elsewhere) > 0, pairsToday: toNumber(r.today) };
}

const attendanceFactsQuery = compiledQuery((db, volunteerId: string, shiftId: string, day: string) => {
  const open = db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('volunteer_id', '=', volunteerId)
    .where('checked_out_at', 'is', null);
  const q = db
    .selectFrom('volunteers')
    .select((eb) => [
      open.where('shift_id', '=', shiftId).as('here'),
      open.where('shift_id', '<>', shiftId).as('elsewhere'),
      eb
        .selectFrom('attendance')
        .select((e) => e.fn.countAll().as('n'))
        .where('volunteer_id', '=', volunteerId)
        .where('day', '=', day)
        .as('today'),
    ])
    .where('volunteers.id', '=', volunteerId);
  return forUpdateOnPostgres(db, q);
});

/** Inserts an attendance and answers it as stored. */
export async function insertAttendance(db: Db, row: Insertable<AttendanceTable> & Required<NewAttendance>) {
  const r = (await insertAttendanceQuery(db, ...ATTENDANCE_COLUMNS.map((c) => row[c]))).rows[0];
  if (!r) throw new Error('An insert with RETURNING answered no row');
  return r;
}

type NewAttendance = Pick<Insertable<AttendanceTable>, (typeof ATTENDANCE_COLUMNS)[number]>;

const insertAttendanceQuery = compiledQuery((db, ...values: (string | number | null)[]) =>
  db
    .insertInto('attendance')
    .values(Object.fromEntries(ATTENDANCE_COLUMNS.map((c, i) => [c, values[i]])) as Insertable<AttendanceTable>)
    .returningAll(),
);

export interface CheckoutPatch {
  checked_out_at: string;
  out_method: AttendanceMethod;
  out_lat: number | null;
  out_lng: number | null;
  out_accuracy_m: number | null;
  flags: string;
  auto_closed?: number;
  reason?: string | null;
  recorded_by?: string | null;
}

/** Closes an open attendance; false when it was already closed (a racing check-out won). */
export async function closeAttendance(db: Db, id: string, patch: CheckoutPatch): Promise<boolean> {
  const r = await db
    .updateTable('attendance')
    .set(patch)
    .where('id', '=', id)
    .where('checked_out_at', 'is', null)
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

/** The current record of an attendance (the latest, should a correction have replaced the first). */
export async function recordIdOfAttendance(db: Db, attendanceId: string): Promise<string | null> {
  const r = await db
    .selectFrom('service_records')
    .select('id')
    .where('attendance_id', '=', attendanceId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Open check-ins whose shift ended before `cutoff`, oldest first. */
export async function overdueOpenAttendance(db: Db, cutoff: string, limit: number) {
  return db
    .selectFrom('attendance')
    .innerJoin('shifts', 'shifts.id', 'attendance.shift_id')
    .select(['attendance.id', 'attendance.shift_id'])
    .where('attendance.checked_out_at', 'is', null)
    .where('shifts.end_at', '<', cutoff)
    .orderBy('attendance.id')
    .limit(limit)
    .execute();
}

/**
 * Every attendance of a shift with its current record (the latest: a correction makes a new
 * record for the same attendance), in check-in order.
 */
export async function attendanceOfShift(db: Db, shiftId: string) {
  return db
    .selectFrom('attendance')
    .selectAll('attendance')
    .select((eb) =>
      eb
        .selectFrom('service_records')
        .select((e) => e.fn.max('service_records.id').as('m'))
        .whereRef('service_records.attendance_id', '=', 'attendance.id')
        .as('record_id'),
    )
    .where('attendance.shift_id', '=', shiftId)
    .orderBy('attendance.checked_in_at')
    .orderBy('attendance.id')
    .execute();
}

/** The volunteer's check-ins and check-outs with the positions they sent, oldest first. */
export async function attendanceOfVolunteer(db: Db, volunteerId: string, limit: number) {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
