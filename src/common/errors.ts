import type { ErrorReason } from './error-reasons.js';

/**
 * The error shape every API answer uses, and the stable set of codes.
 * Clients branch on `code`; `message` is a human sentence; `details` is optional.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  /** A part of the address longer than the router takes. */
  URI_TOO_LONG: 414,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  /** A check-in or member code that was never signed by this platform. */
  TOKEN_INVALID: 422,
  /** A genuine check-in or member code from more than one window back. */
  TOKEN_EXPIRED: 422,
  /** A position farther from the site than the radius plus the accuracy allowance. */
  OUTSIDE_RADIUS: 422,
  /** Check-in without an approved sign-up for the shift. */
  NOT_SIGNED_UP: 422,
  /** Check-in before the window opens or after the shift ended. */
  CHECKIN_CLOSED: 422,
  /** More check-in/out pairs in one local day than the settings allow. */
  DAILY_LIMIT_REACHED: 422,
  /** A late entry confirmed by the person who recorded it. */
  SECOND_APPROVER_REQUIRED: 422,
  /** Sign-up to a shift of an activity that is not published yet. */
  ACTIVITY_NOT_PUBLISHED: 409,
  /** Sign-up or change on a cancelled activity or shift. */
  ACTIVITY_CANCELLED: 409,
  /** Sign-up after the shift's deadline (by default its end). */
  SIGNUP_CLOSED: 422,
  /** Sign-up for a shift overlapping one the volunteer already holds. */
  SHIFT_OVERLAP: 409,
  /** A required qualification is missing or expired at the shift. */
  QUALIFICATION_REQUIRED: 422,
  /** The volunteer's age at the shift start is outside its limits. */
  AGE_NOT_ALLOWED: 422,
  /** Sign-up suspended after repeated no-shows. */
  SIGNUP_SUSPENDED: 422,
  /** The volunteer's status (e.g. pending_guardian) does not allow sign-up. */
  VOLUNTEER_NOT_ACTIVE: 422,
  /** A live sign-up for this shift already exists. */
  ALREADY_SIGNED_UP: 409,
  /** A risky activity without an insurance policy covering its shifts. */
  INSURANCE_REQUIRED: 422,
  /** The current password given to confirm a sensitive change (a new phone, which is a login) is wrong. */
  WRONG_PASSWORD: 422,
  /** A redemption asking for more of some goods than the supermarket has in stock. */
  OUT_OF_STOCK: 409,
  /** A redemption beyond the goods' limit per person and period. */
  LIMIT_REACHED: 409,
  /** A posting that would take a wallet (or another non-negative account) below zero. */
  INSUFFICIENT_POINTS: 409,
  /** The SMS code is wrong, used, expired or out of attempts: ask for a new one. */
  VERIFICATION_FAILED: 422,
  /** A volunteer under the guardianRegistrationAge setting registering without a guardian's consent. */
  GUARDIAN_REQUIRED: 422,
  /** A guardian's consent given for someone who is not a minor. */
  GUARDIAN_NOT_NEEDED: 422,
  /** A repeated idempotency key whose request differs from the first one. */
  IDEMPOTENCY_MISMATCH: 409,
  /**
   * A volunteer code or phone with a counter PIN that did not open: unknown person, no PIN, a
   * wrong PIN or a locked one all answer alike, so the answer tells nobody who is registered.
   */
  PIN_REFUSED: 422,
  /** A clerk's void of a redemption more than VOID_MINUTES after it was made: only a reversal now. */
  VOID_WINDOW_CLOSED: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error a service throws on purpose; the error handler turns it into the API shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/**
 * A refusal the web app can word in the person's language: `reason` names its sentence
 * (errors.reasons.<reason>) and `params` fill it; `message` is the English sentence for API
 * callers and logs.
 */
export const refusal = (
  code: ErrorCode,
  reason: ErrorReason,
  message: string,
  params: Record<string, unknown> = {},
): AppError => new AppError(code, message, { reason, ...params });

/** A rule a field breaks (422): the field named, the reason worded by the web app. */
export const ruleBroken = (field: string, reason: ErrorReason, message: string, params: Record<string, unknown> = {}) =>
  refusal('RULE_VIOLATION', reason, `${field}: ${message}`, { field, ...params });

/**
 * Too many requests (429): `retryAfter` is how many seconds to wait, sent as the `Retry-After`
 * header too (plugins/errors.ts).
 */
export const rateLimited = (message: string, retryAfter: number): AppError =>
  new AppError('RATE_LIMITED', message, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Your roles do not allow this'): AppError => new AppError('FORBIDDEN', message);
export const unauthenticated = (): AppError => new AppError('UNAUTHENTICATED', 'Log in first');
export const badRequest = (message: string, details?: unknown): AppError =>
  new AppError('VALIDATION_ERROR', message, details);
