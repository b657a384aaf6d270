import type { AttendanceEntry, CheckinCode, MemberCode } from '../../../common/contract/checkin.js';
import { AppError, forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import { CHECKIN_EARLY_MINUTES, clipToShift } from '../../../common/hours.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { requireOrganiserOf, requireOrganiserRole } from '../records/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { closeAttendance, openAttendance } from './attendance.core.js';
import type { AttendanceRow } from './checkin.presenter.js';
import * as repo from './checkin.repository.js';
import type { ScanResult } from './checkin.service.js';
import { requireLiveShift, requireSignup } from './checkin.service.js';
import { issueCheckinCode, issueMemberCode, verifyMemberCode } from '../../platform/codes.js';
import { volunteerIdOf } from '../volunteers/index.js';

/** Clocks of phones and servers differ a little; an `at` further ahead than this is refused. */
const FUTURE_SLACK_MS = 60_000;

async function organisersShift(db: Db, actor: Actor, shiftId: string): Promise<repo.ShiftFacts> {
  requireOrganiserRole(actor);
  const shift = await repo.shiftFacts(db, shiftId);
  if (!shift) throw notFound('Shift');
  await requireOrganiserOf(db, actor, shift.organisation_id, 'Shift');
  return shift;
}

/** The rotating code for the organiser's check-in screen. */
export async function checkinCodeFor(ctx: AppContext, actor: Actor, shiftId: string): Promise<CheckinCode> {
  const db = ctx.database.db;
  const shift = await organisersShift(db, actor, shiftId);
  const { codeWindowSeconds } = await getSettings(db);
  return { shiftId: shift.id, ...issueCheckinCode(ctx.cipher, shift.id, codeWindowSeconds) };
}

/** The live attendance list of a shift, for its organisers' console. */
export async function attendanceList(db: Db, actor: Actor, shiftId: string) {
  const shift = await organisersShift(db, actor, shiftId);
  return repo.attendanceOfShift(db, shift.id);
}

/** The volunteer's own rotating member code (for counters and organiser scans). */
export async function memberCodeFor(ctx: AppContext, actor: Actor): Promise<MemberCode> {
  const db = ctx.database.db;
  const volunteerId = await volunteerIdOf(db, actor);
  if (!volunteerId) throw forbidden('Only volunteers have a member code');
  const { codeWindowSeconds } = await getSettings(db);
  return issueMemberCode(ctx.cipher, volunteerId, codeWindowSeconds);
}

/**
 * An organiser checks a volunteer in or out: by scanning their member code (source
 * `organiser_scan`) or by hand with a reason (`hand`). A past `at` is allowed and clipped
 * to the shift; the same sign-up, day-limit and idempotency rules as self check-in apply.
 */
export async function organiserEntry(
  ctx: AppContext,
  actor: Actor,
  shiftId: string,
  b: AttendanceEntry,
): Promise<ScanResult> {
  const db = ctx.database.db;
  const shift = await organisersShift(db, actor, shiftId);
  const volunteerId = b.memberCode ? await verifyMemberCode(ctx, b.memberCode) : (b.volunteerId as string);
  if (!(await repo.volunteerExists(db, volunteerId))) {
    throw ruleBroken('volunteerId', 'no_such_volunteer', 'no such volunteer');
  }
  const method = b.memberCode ? 'organiser_scan' : 'hand';
  const now = Date.now();
  const asked = b.at ? Date.parse(b.at) : now;
  if (asked > now + FUTURE_SLACK_MS) {
    throw ruleBroken('at', 'time_in_future', 'must not be in the future');
  }
  const at = clipToShift(new Date(asked).toISOString(), shift.start_at, shift.end_at);
  const settings = await getSettings(db);

  if (b.kind === 'in') {
    const open = await repo.openAttendance(db, shift.id, volunteerId);
    if (open) return { row: open, created: false, recordId: null };
    const signupId = await requireSignup(db, shift.id, volunteerId);
    requireLiveShift(shift);
    if (now < Date.parse(shift.start_at) - CHECKIN_EARLY_MINUTES * 60_000) {
      throw new AppError('CHECKIN_CLOSED', 'Check-in opens 30 minutes before the shift starts');
    }
    const { row, created } = await openAttendance(db, {
      shift,
      volunteerId,
      signupId,
      at,
      method,
      position: null,
      flags: [],
      reason: b.reason ?? null,
      recordedBy: actor.userId,
      settings,
    });
    return { row, created, recordId: null };
  }

  const open = await repo.openAttendance(db, shift.id, volunteerId);
  if (!open)
    throw refusal('RULE_VIOLATION', 'volunteer_not_checked_in', 'The volunteer is not checked in to this shift');
  if (Date.parse(at) < Date.parse(open.checked_in_at)) {
    throw ruleBroken('at', 'before_checkin', `before the check-in at ${open.checked_in_at}`, {
      at: open.checked_in_at,
    });
  }
  await db.transaction().execute((trx) =>
    closeAttendance(trx, {
      attendance: open,
      shift,
      at,
      method,
      position: null,
      flags: [],
      reason: b.reason ?? null,
      recordedBy: actor.userId,
      settings,
    }),
  );
  const row = (await repo.attendanceById(db, open.id)) as AttendanceRow;
  return { row, created: false, recordId: await repo.recordIdOfAttendance(db, open.id) };
}
