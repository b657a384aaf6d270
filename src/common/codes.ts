/**
 * Rotating codes (check-in and member codes): a signed value over a subject and a time window that
 * changes every `windowSeconds`. The signing happens on the server; these helpers only
 * split tokens and do the window arithmetic, so the UI can show when a code rotates.
 *
 * Check-in token: `${shiftId}.${window}.${sig}`; member code: `M.${volunteerId}.${window}.${sig}`.
 */

/** The window an instant falls in: floor(epoch seconds / window length). */
export const codeWindow = (epochMs: number, windowSeconds: number): number =>
  Math.floor(epochMs / 1000 / windowSeconds);

/** When a window ends (ISO-8601 UTC): the moment the next token replaces it on screen. */
export const windowEndsAt = (window: number, windowSeconds: number): string =>
  new Date((window + 1) * windowSeconds * 1000).toISOString();

/**
 * How a token's window relates to the current one: the current and the previous window are
 * accepted (a token scanned just as it rotated), the next one too (clocks of several app
 * processes may differ by a second), anything older is expired.
 */
export function judgeWindow(tokenWindow: number, currentWindow: number): 'accepted' | 'expired' | 'future' {
  if (tokenWindow < currentWindow - 1) return 'expired';
  if (tokenWindow > currentWindow + 1) return 'future';
  return 'accepted';
}

/** The text a check-in code signs. */
export const checkinPayload = (shiftId: string, window: number): string => `checkin:${shiftId}:${window}`;
/** The text a member code signs. */
export const memberPayload = (volunteerId: string, window: number): string => `member:${volunteerId}:${window}`;

const ID = '[0-9A-Za-z-]{1,64}';
const CHECKIN_TOKEN = new RegExp(`^(${ID})\\.(\\d{1,12})\\.([0-9A-Za-z_-]{8,64})$`);
const MEMBER_TOKEN = new RegExp(`^M\\.(${ID})\\.(\\d{1,12})\\.([0-9A-Za-z_-]{8,64})$`);

export interface ParsedToken {
  id: string;
  window: number;
  sig: string;
}

/** Splits a check-in token; null when it does not have the shape of one. */
export function parseCheckinToken(token: string): ParsedToken | null {
  const m = CHECKIN_TOKEN.exec(token);
  return m?.[1] && m[2] && m[3] ? { id: m[1], window: Number(m[2]), sig: m[3] } : null;
}

/** Splits a member code; null when it does not have the shape of one. */
export function parseMemberToken(token: string): ParsedToken | null {
  const m = MEMBER_TOKEN.exec(token);
  return m?.[1] && m[2] && m[3] ? { id: m[1], window: Number(m[2]), sig: m[3] } : null;
}

/** The typed form of a check-in code: six digits. */
export const SIX_DIGITS = /^\d{6}$/;
