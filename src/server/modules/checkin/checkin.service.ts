import type { ScanInput } from '../../../common/contract/checkin.js';
import { AppError, forbidden, notFound, refusal, rateLimited } from '../../../common/errors.js';
import { distanceM } from '../../../common/geo.js';
import { checkinOpen, judgePosition, type AttendanceFlag } from '../../../common/hours.js';
import type { PlatformSettings } from '../../../common/settings.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { closeAttendance, openAttendance } from './attendance.core.js';
import { presentAttendance, type AttendanceRow } from './checkin.presenter.js';
import * as repo from './checkin.repository.js';
import { verifyCheckinDigits, verifyCheckinToken } from '../../platform/codes.js';
import { volunteerIdOf } from '../volunteers/index.js';

const CHECKINS_PER_MINUTE = 30;
const CODE_FAILURES = 10;
const CODE_FAILURE_WINDOW_MS = 10 * 60_000;

export interface ScanResult {
  row: AttendanceRow;
  created: boolean;
  recordId: string | null;
}

export async function requireVolunteer(db: Db, actor: Actor): Promise<string> {
  const id = await volunteerIdOf(db, actor);
  if (!id) throw forbidden('Only volunteers check in and out');
  return id;
}

/**
 * The shift a scan names, from the token or from the typed code with its shift id. Scans
 * are limited per account (never per address: a venue's crowd shares one), and failed
 * 6-digit codes more tightly, so a code cannot be guessed.
 */
async function scannedShift(
  ctx: Pick<AppContext, 'cipher' | 'limiter'>,
  actor: Actor,
  b: ScanInput,
  s: PlatformSettings,
): Promise<string> {
  if (!(await ctx.limiter.take(`checkin:${actor.userId}`, CHECKINS_PER_MINUTE, 60_000))) {
    throw rateLimited('Too many check-in attempts; wait a minute', 60);
  }
  if (b.token !== undefined) return verifyCheckinToken(ctx.cipher, b.token, s.codeWindowSeconds);
  const failKey = `checkin-code-fail:${actor.userId}`;
  if (await ctx.limiter.blocked(failKey, CODE_FAILURES, CODE_FAILURE_WINDOW_MS)) {
    throw rateLimited('Too many wrong codes; scan the QR code or wait ten minutes', CODE_FAILURE_WINDOW_MS / 1000);
  }
  const shiftId = b.shiftId as string;
  try {
    verifyCheckinDigits(ctx.cipher, shiftId, b.code as string, s.codeWindowSeconds);
  } catch (err) {
    await ctx.limiter.hit(failKey, CODE_FAILURE_WINDOW_MS);
    throw err;
  }
  return shiftId;
}

async function scanned(db: Db, shiftId: string, volunteerId: string): Promise<repo.ScanFacts> {
  const facts = await repo.scanFacts(db, shiftId, volunteerId);
  if (!facts) throw notFound('Shift');
  return facts;
}

/** Refuses a shift whose activity is not live (draft or cancelled) or that was cancelled. */
export function requireLiveShift(shift: repo.ShiftFacts): void {
  if (
    shift.activity_status === 'draft' ||
    shift.activity_status === 'cancelled' ||
    shift.shift_status === 'cancelled'
  ) {
    throw new AppError(
      'CHECKIN_CLOSED',
      'This shift is not running: its activity is not published or it was cancelled',
    );
  }
}

const notSignedUp = () =>
  new AppError('NOT_SIGNED_UP', 'No approved sign-up for this shift: sign up (and be approved) first');

export async function requireSignup(db: Db, shiftId: string, volunteerId: string): Promise<string> {
  const signupId = await repo.approvedSignup(db, shiftId, volunteerId);
  if (!signupId) throw notSignedUp();
  return signupId;
}

/**
 * A volunteer checks in by scanning the shift's rotating code: an approved sign-up, the
 * check-in window (30 min before the start until the end), and a position within the
 * radius plus the reported accuracy. A repeated check-in answers the first one.
 */
export async function checkIn(ctx: AppContext, actor: Actor, b: ScanInput): Promise<ScanResult> {
  const db = ctx.database.db;
  const volunteerId = await requireVolunteer(db, actor);
  const settings = await getSettings(db);
  const { shift, open, signupId } = await scanned(db, await scannedShift(ctx, actor, b, settings), volunteerId);
  if (open) return { row: open, created: false, recordId: null };
  if (!signupId) throw notSignedUp();
  requireLiveShift(shift);
  const now = Date.now();
  const window = checkinOpen(now, shift.start_at, shift.end_at);
  if (window !== 'open') {
    throw new AppError(
      'CHECKIN_CLOSED',
      window === 'early' ? 'Check-in opens 30 minutes before the shift starts' : 'The shift has ended',
      { opens: window === 'early' },
    );
  }
  const d = distanceM(b.lat, b.lng, shift.lat, shift.lng);
  const verdict = judgePosition(d, shift.radius_m, b.accuracyM);
  if (!verdict.inside) {
    throw new AppError(
      'OUTSIDE_RADIUS',
      `You are ${Math.round(d)} m from the site; check-in is allowed within ${Math.round(verdict.allowedM)} m`,
      { distanceM: Math.round(d), allowedM: Math.round(verdict.allowedM) },
    );
  }
  const flags: AttendanceFlag[] = verdict.largeAccuracy ? ['large_accuracy'] : [];
  const { row, created } = await openAttendance(db, {
    shift,
    volunteerId,
    signupId,
    at: new Date(now).toISOString(),
    method: 'self_scan',
    position: { lat: b.lat, lng: b.lng, accuracyM: b.accuracyM },
    flags,
    reason: null,
    recordedBy: null,
    settings,
  });
  return { row, created, recordId: null };
}

/**
 * A volunteer checks out by scanning the code again. The pending service record is made in
 * the same transaction. A position off site does not refuse the check-out (the volunteer
 * is leaving) but flags it; a repeated check-out answers the closed attendance.
 */
export async function checkOut(ctx: AppContext, actor: Actor, b: ScanInput): Promise<ScanResult> {
  const db = ctx.database.db;
  const volunteerId = await requireVolunteer(db, actor);
  const settings = await getSettings(db);
  const { shift, open } = await scanned(db, await scannedShift(ctx, actor, b, settings), volunteerId);
  if (!open) {
    const last = await repo.latestAttendance(db, shift.id, volunteerId);
    if (last) return { row: last, created: false, recordId: await repo.recordIdOfAttendance(db, last.id) };
    throw refusal('RULE_VIOLATION', 'not_checked_in', 'You are not checked in to this shift');
  }
  const verdict = judgePosition(distanceM(b.lat, b.lng, shift.lat, shift.lng), shift.radius_m, b.accuracyM);
  const flags: AttendanceFlag[] = [];
  if (!verdict.inside) flags.push('checkout_outside_radius');
  if (verdict.largeAccuracy) flags.push('large_accuracy');
  await db.transaction().execute((trx) =>
    closeAttendance(trx, {
      attendance: open,
      shift,
      at: new Date().toISOString(),
      method: 'self_scan',
      position: { lat: b.lat, lng: b.lng, accuracyM: b.accuracyM },
      flags,
      recordedBy: null,
      settings,
    }),
  );
  const row = (await repo.attendanceById(db, open.id)) as AttendanceRow;
  return { row, created: false, recordId: await repo.recordIdOfAttendance(db, open.id) };
}

/**
 * A volunteer's check-ins and check-outs with the positions they sent, oldest first, at most
 * `limit`: for the person's own-data export (never for anyone else).
 */
export async function attendanceForExport(db: Db, volunteerId: string, limit: number) {
  const position = (lat: number | null, lng: number | null, accuracyM: number | null) => ({ lat, lng, accuracyM });
  return (await repo.attendanceOfVolunteer(db, volunteerId, limit)).map((a) => {
    const { recordId: _none, ...shown } = presentAttendance(a, null);
    return {
      ...shown,
      checkIn: position(a.in_lat, a.in_lng, a.in_accuracy_m),
      checkOut: a.checked_out_at === null ? null : position(a.out_lat, a.out_lng, a.out_accuracy_m),
    };
  });
}
