import type { Transaction } from 'kysely';
import { AppError, notFound, refusal } from '../../../common/errors.js';
import { TOO_SHORT_MINUTES, type AttendanceFlag } from '../../../common/hours.js';
import { localDate } from '../../../common/zoned-time.js';
import type { AttendanceMethod, RecordSource } from '../../../common/enums.js';
import type { PlatformSettings } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { recordFromAttendance } from '../records/index.js';
import { markSignupAttended } from '../signups/index.js';
import type { AttendanceRow } from './checkin.presenter.js';
import { parseFlags } from './checkin.presenter.js';
import * as repo from './checkin.repository.js';
import { isUniqueViolation } from '../../platform/db.js';
import type { DB } from '../../db/schema.js';

export interface OpenInput {
  shift: repo.ShiftFacts;
  volunteerId: string;
  signupId: string;
  at: string;
  method: AttendanceMethod;
  position: { lat: number; lng: number; accuracyM: number } | null;
  flags: AttendanceFlag[];
  reason: string | null;
  recordedBy: string | null;
  settings: PlatformSettings;
}

/**
 * Opens an attendance, or answers the open one: a repeated check-in returns the first (the
 * callers look for it before; this looks again inside the transaction). Two concurrent
 * check-ins are settled by the partial unique index attendance_open_unique: the loser's
 * insert fails, and it answers the winner's row. The pairs-per-day count runs under the
 * volunteer's row lock, so concurrent check-ins to different shifts cannot both slip under
 * the limit.
 */
export async function openAttendance(db: Db, i: OpenInput): Promise<{ row: AttendanceRow; created: boolean }> {
  const day = localDate(i.at, i.settings.timeZone);
  try {
    const opened = await db.transaction().execute(async (trx) => {
      const open = await repo.lockedAttendanceFacts(trx, i.volunteerId, i.shift.id, day);
      if (!open) throw notFound('Volunteer');
      if (open.here) return null;
      if (open.pairsToday >= i.settings.maxPairsPerDay) {
        throw new AppError(
          'DAILY_LIMIT_REACHED',
          `At most ${i.settings.maxPairsPerDay} check-in/out pairs a day; ${day} has ${open.pairsToday} already`,
          { day, max: i.settings.maxPairsPerDay },
        );
      }
      const flags = [...i.flags];
      if (open.elsewhere) flags.push('overlaps_other_shift');
      const row = await repo.insertAttendance(trx, {
        id: newId(),
        shift_id: i.shift.id,
        volunteer_id: i.volunteerId,
        signup_id: i.signupId,
        day,
        checked_in_at: i.at,
        in_method: i.method,
        in_lat: i.position?.lat ?? null,
        in_lng: i.position?.lng ?? null,
        in_accuracy_m: i.position?.accuracyM ?? null,
        checked_out_at: null,
        out_method: null,
        out_lat: null,
        out_lng: null,
        out_accuracy_m: null,
        flags: JSON.stringify(flags),
        reason: i.reason,
        recorded_by: i.recordedBy,
        created_at: nowIso(),
      });
      await markSignupAttended(trx, i.signupId);
      return row;
    });
    if (opened) return { row: opened, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const winner = await repo.openAttendance(db, i.shift.id, i.volunteerId);
  if (!winner) throw refusal('CONFLICT', 'checkin_changed', 'The check-in changed meanwhile; try again');
  return { row: winner, created: false };
}

/** A record's source from how the attendance began and ended: the weakest proof wins. */
export function sourceOf(inMethod: string, outMethod: string): RecordSource {
  const methods = [inMethod, outMethod];
  if (methods.includes('hand')) return 'hand';
  if (methods.includes('organiser_scan')) return 'organiser_scan';
  return 'self';
}

export interface CloseInput {
  attendance: AttendanceRow;
  shift: repo.ShiftFacts;
  at: string;
  method: AttendanceMethod;
  position: { lat: number; lng: number; accuracyM: number } | null;
  flags: AttendanceFlag[];
  reason?: string | null;
  recordedBy: string | null;
  settings: PlatformSettings;
}

/**
 * Closes an open attendance and makes its pending service record, in the caller's
 * transaction. Null when a concurrent check-out closed it first.
 */
export async function closeAttendance(trx: Transaction<DB>, i: CloseInput): Promise<string | null> {
  const a = i.attendance;
  const flags = new Set<AttendanceFlag>([...parseFlags(a.flags), ...i.flags]);
  if (Date.parse(i.at) - Date.parse(a.checked_in_at) < TOO_SHORT_MINUTES * 60_000) flags.add('too_short');
  const auto = i.method === 'auto';
  const closed = await repo.closeAttendance(trx, a.id, {
    checked_out_at: i.at,
    out_method: i.method,
    out_lat: i.position?.lat ?? null,
    out_lng: i.position?.lng ?? null,
    out_accuracy_m: i.position?.accuracyM ?? null,
    flags: JSON.stringify([...flags]),
    ...(auto ? { auto_closed: 1 } : {}),
    ...(i.reason ? { reason: a.reason ? `${a.reason}; ${i.reason}` : i.reason } : {}),
  });
  if (!closed) return null;
  return recordFromAttendance(
    trx,
    {
      attendanceId: a.id,
      volunteerId: a.volunteer_id,
      activityId: i.shift.activity_id,
      shiftId: i.shift.id,
      organisationId: i.shift.organisation_id,
      checkedInAt: a.checked_in_at,
      checkedOutAt: i.at,
      shiftStart: i.shift.start_at,
      shiftEnd: i.shift.end_at,
      breakMinutes: i.shift.break_minutes,
      content: i.shift.title,
      place: i.shift.address,
      source: sourceOf(a.in_method, auto ? a.in_method : i.method),
      flags: [...flags],
      recordedBy: i.recordedBy ?? a.recorded_by,
    },
    i.settings,
  );
}
