import { z } from 'zod';

/**
 * The counter PIN (柜台密码): 4–6 digits a volunteer without a smartphone gives at a points
 * supermarket's counter together with their volunteer code or phone. Only a hash is stored.
 */
export const PIN_PATTERN = /^\d{4,6}$/;
/** Wrong PINs in a row after which the PIN is locked. */
export const PIN_MAX_FAILURES = 5;
/** How long a locked PIN stays locked, unless the volunteer sets a new one first. */
export const PIN_LOCK_MINUTES = 30;

export const Pin = z
  .string()
  .regex(PIN_PATTERN, 'must be 4–6 digits')
  .describe('Counter PIN, 4–6 digits; never stored, logged or echoed (only its hash is kept)');

/**
 * Whether a PIN is one anybody would try first: one digit repeated (0000, 888888) or a straight
 * run up or down (1234, 987654, 3456).
 */
export function isTrivialPin(pin: string): boolean {
  const d = [...pin].map(Number);
  const steps = new Set(d.slice(1).map((n, i) => n - (d[i] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0);
}

/** PUT /api/v1/me/pin. */
export const SetPinBody = z.strictObject({ pin: Pin });
export type SetPin = z.infer<typeof SetPinBody>;
