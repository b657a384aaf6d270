import { timingSafeEqual } from 'node:crypto';
import {
  checkinPayload,
  codeWindow,
  judgeWindow,
  memberPayload,
  parseCheckinToken,
  parseMemberToken,
  windowEndsAt,
} from '../../common/codes.js';
import { AppError } from '../../common/errors.js';
import type { AppContext } from '../context.js';
import type { PersonalDataCipher } from '../crypto.js';
import { getSettings } from './settings/settings.service.js';

/**
 * Signing and checking rotating codes. The signature is the first 12 bytes (96 bits) of an
 * HMAC-SHA256 over `checkin:<shift>:<window>`: far beyond guessing within a 30-second window.
 * The 6-digit form comes from the next 4 bytes of the same HMAC, so showing it on screen
 * reveals nothing about the QR signature; it is only accepted together with its shift id
 * from a volunteer signed up for that shift, and failed attempts are rate-limited.
 */
const SIG_BYTES = 12;

const sigOf = (mac: Buffer): string => mac.subarray(0, SIG_BYTES).toString('base64url');
const digitsOf = (mac: Buffer): string => String(mac.readUInt32BE(SIG_BYTES) % 1_000_000).padStart(6, '0');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const tokenInvalid = (what = 'check-in code'): AppError =>
  new AppError('TOKEN_INVALID', `This ${what} is not valid: scan the code on screen again`);
export const tokenExpired = (what = 'check-in code'): AppError =>
  new AppError('TOKEN_EXPIRED', `This ${what} has expired: scan the current one (codes rotate every few seconds)`);

export interface IssuedCode {
  token: string;
  code: string;
  expiresAt: string;
  windowSeconds: number;
}

/** The check-in code of a shift for the window `now` falls in. */
export function issueCheckinCode(
  cipher: PersonalDataCipher,
  shiftId: string,
  windowSeconds: number,
  now = Date.now(),
): IssuedCode {
  const window = codeWindow(now, windowSeconds);
  const mac = cipher.sign(checkinPayload(shiftId, window));
  return {
    token: `${shiftId}.${window}.${sigOf(mac)}`,
    code: digitsOf(mac),
    expiresAt: windowEndsAt(window, windowSeconds),
    windowSeconds,
  };
}

/**
 * The shift a scanned token names. A token whose signature does not match is TOKEN_INVALID;
 * a genuine one more than a window old is TOKEN_EXPIRED.
 */
export function verifyCheckinToken(
  cipher: PersonalDataCipher,
  token: string,
  windowSeconds: number,
  now = Date.now(),
): string {
  const p = parseCheckinToken(token);
  if (!p) throw tokenInvalid();
  if (!sameText(p.sig, sigOf(cipher.sign(checkinPayload(p.id, p.window))))) throw tokenInvalid();
  const verdict = judgeWindow(p.window, codeWindow(now, windowSeconds));
  if (verdict === 'expired') throw tokenExpired();
  if (verdict === 'future') throw tokenInvalid();
  return p.id;
}

/**
 * Checks a typed 6-digit code against the shift's accepted windows. A code that matches
 * a window or two further back is reported as expired rather than wrong.
 */
export function verifyCheckinDigits(
  cipher: PersonalDataCipher,
  shiftId: string,
  digits: string,
  windowSeconds: number,
  now = Date.now(),
): void {
  const current = codeWindow(now, windowSeconds);
  const matches = (w: number) => sameText(digitsOf(cipher.sign(checkinPayload(shiftId, w))), digits);
  for (const w of [current, current - 1, current + 1]) if (matches(w)) return;
  for (const w of [current - 2, current - 3]) if (matches(w)) throw tokenExpired();
  throw tokenInvalid();
}

/** A volunteer's member code for the window `now` falls in. */
export function issueMemberCode(
  cipher: PersonalDataCipher,
  volunteerId: string,
  windowSeconds: number,
  now = Date.now(),
): Omit<IssuedCode, 'code'> {
  const window = codeWindow(now, windowSeconds);
  const mac = cipher.sign(memberPayload(volunteerId, window));
  return {
    token: `M.${volunteerId}.${window}.${sigOf(mac)}`,
    expiresAt: windowEndsAt(window, windowSeconds),
    windowSeconds,
  };
}

/**
 * The volunteer a scanned member code names (for organisers and supermarket counters).
 * Throws TOKEN_INVALID for a forged or malformed code and TOKEN_EXPIRED for an old one.
 */
export async function verifyMemberCode(
  ctx: Pick<AppContext, 'cipher' | 'database'>,
  token: string,
  now = Date.now(),
): Promise<string> {
  const { codeWindowSeconds } = await getSettings(ctx.database.db);
  const p = parseMemberToken(token.trim());
  if (!p) throw tokenInvalid('member code');
  if (!sameText(p.sig, sigOf(ctx.cipher.sign(memberPayload(p.id, p.window))))) throw tokenInvalid('member code');
  const verdict = judgeWindow(p.window, codeWindow(now, codeWindowSeconds));
  if (verdict === 'expired') throw tokenExpired('member code');
  if (verdict === 'future') throw tokenInvalid('member code');
  return p.id;
}
