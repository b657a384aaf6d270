import { timingSafeEqual } from 'node:crypto';
import type { PersonalDataCipher } from '../../crypto.js';
import { tokenExpired, tokenInvalid } from '../../platform/codes.js';

/**
 * The member token a PIN look-up answers: it stands in for the volunteer's rotating member code
 * in the redemption that follows, so the clerk need not ask for the PIN twice. It is an HMAC over
 * the volunteer, the supermarket, the clerk and its end: good only at that counter, for that
 * clerk, for TOKEN_MINUTES. `P.<volunteerId>.<end in epoch seconds>.<signature>`.
 */
export const TOKEN_MINUTES = 10;
const SIG_BYTES = 12;
const TOKEN = /^P\.([0-9A-Za-z-]{1,64})\.(\d{1,12})\.([0-9A-Za-z_-]{8,64})$/;

const payload = (volunteerId: string, siteId: string, clerkUserId: string, end: number) =>
  `counter:${volunteerId}:${siteId}:${clerkUserId}:${end}`;

const sigOf = (cipher: PersonalDataCipher, text: string) =>
  cipher.sign(text).subarray(0, SIG_BYTES).toString('base64url');

export const isCounterToken = (code: string): boolean => code.trim().startsWith('P.');

export function issueCounterToken(
  cipher: PersonalDataCipher,
  p: { volunteerId: string; siteId: string; clerkUserId: string },
  now = Date.now(),
): { token: string; expiresAt: string } {
  const end = Math.floor(now / 1000) + TOKEN_MINUTES * 60;
  const sig = sigOf(cipher, payload(p.volunteerId, p.siteId, p.clerkUserId, end));
  return { token: `P.${p.volunteerId}.${end}.${sig}`, expiresAt: new Date(end * 1000).toISOString() };
}

/** The volunteer a member token names, if it was issued at this counter to this clerk and has not run out. */
export function verifyCounterToken(
  cipher: PersonalDataCipher,
  token: string,
  p: { siteId: string; clerkUserId: string },
  now = Date.now(),
): string {
  const m = TOKEN.exec(token.trim());
  const [, volunteerId = '', endText = '', sig = ''] = m ?? [];
  const expected = Buffer.from(sigOf(cipher, payload(volunteerId, p.siteId, p.clerkUserId, Number(endText))));
  const given = Buffer.from(sig);
  if (!m || given.length !== expected.length || !timingSafeEqual(given, expected)) throw tokenInvalid('member code');
  if (Number(endText) * 1000 <= now) throw tokenExpired('member code');
  return volunteerId;
}
