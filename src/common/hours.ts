/**
 * Attendance and hours rules shared by the API and the UI: how long a service counts, when
 * check-in is open, and how far from the site a position may be. Pure functions of their
 * inputs (times are ISO-8601 strings or epoch milliseconds).
 */

/** Volunteers may check in from this many minutes before the shift starts (the shift-timing rule of the API). */
export const CHECKIN_EARLY_MINUTES = 30;
/** The reported GPS accuracy widens the radius by at most this much: a 5 km "accuracy" proves nothing. */
export const ACCURACY_ALLOWANCE_CAP_M = 200;
/** A position reported with a worse accuracy than this is flagged for the organiser. */
export const LARGE_ACCURACY_M = 100;
/** A check-out sooner than this after the check-in is flagged `too_short`. */
export const TOO_SHORT_MINUTES = 10;
/** Open check-ins are closed by the server this long after their shift ended. */
export const AUTO_CLOSE_GRACE_MINUTES = 120;

/** Flags an attendance (and the record made from it) can carry, each a reason for the organiser to look. */
export const ATTENDANCE_FLAGS = [
  'large_accuracy',
  'overlaps_other_shift',
  'too_short',
  'auto_closed',
  'checkout_outside_radius',
] as const;
export type AttendanceFlag = (typeof ATTENDANCE_FLAGS)[number];

const MINUTE_MS = 60_000;
const ms = (t: string | number): number => (typeof t === 'number' ? t : Date.parse(t));

export interface MinutesInput {
  checkedInAt: string | number;
  checkedOutAt: string | number;
  shiftStart: string | number;
  shiftEnd: string | number;
  /** Breaks the organiser recorded for the shift: not service, so taken off. */
  breakMinutes: number;
  /** Hours are rounded down to this many minutes (settings.hourStepMinutes, default 30). */
  stepMinutes: number;
}

/**
 * Minutes of service that count: [check-in, check-out] clipped to the shift, whole minutes,
 * less the shift's breaks, rounded down to the step; never negative. The whole break is
 * taken off whatever part of the shift was served, since the platform does not know when
 * the break fell — a volunteer who served less than the break gets 0.
 */
export function computeMinutes(i: MinutesInput): number {
  const start = Math.max(ms(i.checkedInAt), ms(i.shiftStart));
  const end = Math.min(ms(i.checkedOutAt), ms(i.shiftEnd));
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 0;
  const served = Math.floor((end - start) / MINUTE_MS) - Math.max(0, Math.floor(i.breakMinutes));
  const step = Math.max(1, Math.floor(i.stepMinutes));
  return Math.max(0, Math.floor(served / step) * step);
}

/** Minutes of a late entry without a shift: the whole span, rounded down to the step. */
export function spanMinutes(start: string | number, end: string | number, stepMinutes: number): number {
  return computeMinutes({
    checkedInAt: start,
    checkedOutAt: end,
    shiftStart: start,
    shiftEnd: end,
    breakMinutes: 0,
    stepMinutes,
  });
}

/** A time moved into [start, end]: organiser entries "outside the shift are clipped to it". */
export function clipToShift(at: string, shiftStart: string, shiftEnd: string): string {
  const t = ms(at);
  if (t < ms(shiftStart)) return shiftStart;
  if (t > ms(shiftEnd)) return shiftEnd;
  return at;
}

/** Whether a volunteer may check in at `now`: from 30 minutes before the start until the end. */
export function checkinOpen(now: number, shiftStart: string, shiftEnd: string): 'early' | 'open' | 'ended' {
  if (now < ms(shiftStart) - CHECKIN_EARLY_MINUTES * MINUTE_MS) return 'early';
  if (now > ms(shiftEnd)) return 'ended';
  return 'open';
}

export interface PositionVerdict {
  /** Whether the position counts as on site. */
  inside: boolean;
  /** Metres allowed: the activity's radius plus the capped accuracy. */
  allowedM: number;
  /** Set when the reported accuracy is too coarse to trust without a look. */
  largeAccuracy: boolean;
}

/**
 * On site means the great-circle distance is at most the radius plus the reported accuracy
 * (the true position may lie that much closer), with the accuracy allowance capped.
 */
export function judgePosition(distanceM: number, radiusM: number, accuracyM: number): PositionVerdict {
  const allowedM = radiusM + Math.min(Math.max(0, accuracyM), ACCURACY_ALLOWANCE_CAP_M);
  return { inside: distanceM <= allowedM, allowedM, largeAccuracy: accuracyM > LARGE_ACCURACY_M };
}
