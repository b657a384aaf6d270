import { LIMITS } from '../../common/limits.js';
import { refusal } from '../../common/errors.js';
import type { ErrorReason } from '../../common/error-reasons.js';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The one password policy, applied wherever a password is set (registration, an admin or an
 * import registering someone, a change, an SMS reset, the bootstrap admin, the CLI): at least
 * LIMITS.passwordMin characters, not only whitespace, not one of the 10,000 most common
 * passwords, and not containing the person's phone, ID number (or its last six characters) or
 * name. Passwords stored before keep working: it is checked when one is set, never at login.
 */

/** What the policy knows of the person whose password it is. */
export interface PasswordOwner {
  phone?: string | null;
  idNumber?: string | null;
  name?: string | null;
}

/**
 * The 10,000 most common passwords, most common first: the head of @zxcvbn-ts/language-common's
 * list, which ranks the xato-net 10-million password corpus (the source of SecLists'
 * 10k-most-common.txt). Read on first use.
 */
const COMMON_COUNT = 10_000;
let common: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_COUNT).map((p) => p.toLowerCase())));

/** Whether the password is on the common list (case and surrounding spaces ignored). */
export const isCommonPassword = (password: string): boolean => commonPasswords().has(password.trim().toLowerCase());

const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** The first rule the password breaks, or null. */
export function passwordProblem(
  password: string,
  owner: PasswordOwner = {},
): { reason: ErrorReason; message: string } | null {
  if (password.trim() === '') return { reason: 'password_blank', message: 'must not be only spaces' };
  if ([...password].length < LIMITS.passwordMin) {
    return { reason: 'password_too_short', message: `must have at least ${LIMITS.passwordMin} characters` };
  }
  if (isCommonPassword(password)) {
    return { reason: 'password_common', message: 'is one of the most common passwords; choose another' };
  }
  const plain = squeeze(password);
  const phone = owner.phone?.replace(/\D/g, '') ?? '';
  if (phone.length >= 6 && plain.replace(/[^0-9]/g, '').includes(phone)) {
    return { reason: 'password_has_phone', message: 'must not contain your phone number' };
  }
  const id = squeeze(owner.idNumber ?? '');
  if (id.length >= 6 && plain.includes(id.slice(-6))) {
    return { reason: 'password_has_id_number', message: 'must not contain your ID number or its last digits' };
  }
  const name = squeeze(owner.name ?? '');
  if (name.length >= 2 && plain.includes(name)) {
    return { reason: 'password_has_name', message: 'must not contain your name' };
  }
  return null;
}

/**
 * Refuses a password the policy does not take: 422 RULE_VIOLATION with the field and the
 * reason (never the password) in `details`.
 */
export function requireGoodPassword(password: string, owner: PasswordOwner = {}, field = 'body.password'): void {
  const problem = passwordProblem(password, owner);
  if (!problem) return;
  const name = field.split('.').pop() ?? field;
  throw refusal('RULE_VIOLATION', problem.reason, `${name}: ${problem.message}`, { field });
}
