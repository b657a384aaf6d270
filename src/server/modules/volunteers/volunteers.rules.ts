import { DEFAULT_FIELDS, ID_TYPES } from '../../../common/enums.js';
import type { AppError } from '../../../common/errors.js';
import { badRequest, refusal, ruleBroken } from '../../../common/errors.js';
import { requireGoodPassword, type PasswordOwner } from '../../platform/password-policy.js';
import type { IdType } from '../../../common/enums.js';
import { checkIdNumber, isMainlandMobile, maskPhone, type IdProblem } from '../../../common/id-numbers.js';
import { LIMITS } from '../../../common/limits.js';
import { PHONE_NAMESPACE, type PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import * as repo from './volunteers.repository.js';
import { isUniqueViolation } from '../../platform/db.js';

/**
 * Checks shared by registration and profile changes. Messages name the field and never
 * repeat a phone or ID number.
 */

export { PHONE_NAMESPACE } from '../../crypto.js';
/** ID numbers hash per type, so a passport and a resident ID with equal text never clash. */
export const idNamespace = (idType: string): string => `id:${idType}`;

/** A checked, normalised ID number with what it tells (birth date and gender for a resident ID). */
export function requireIdNumber(idType: IdType, raw: string, now: Date) {
  const r = checkIdNumber(idType, raw, now);
  if (!r.ok) throw badRequest(`idNumber: ${r.message}`, { field: 'body.idNumber' });
  return r;
}

export function requirePhone(phone: string): string {
  const p = phone.trim();
  if (!isMainlandMobile(p)) {
    throw badRequest('phone: must be a mainland mobile number: 11 digits starting with 13–19', {
      field: 'body.phone',
    });
  }
  return p;
}

/** The three stored forms of a phone: ciphertext, look-up hash, mask. */
export function phoneColumns(cipher: PersonalDataCipher, phone: string) {
  return {
    phone_enc: cipher.encrypt(phone),
    phone_hash: phoneHash(cipher, phone),
    phone_masked: maskPhone(phone),
  };
}

/** The keyed hash a phone is looked up by. */
export const phoneHash = (cipher: PersonalDataCipher, phone: string): string =>
  cipher.lookupHash(PHONE_NAMESPACE, phone);

export async function requireRegion(db: Db, code: string): Promise<void> {
  await requireRegions(db, [code]);
}

/** Every one of `codes` must be a region (one query for a batch). */
export async function requireRegions(db: Db, codes: readonly string[]): Promise<void> {
  requireKnownRegions(codes, await repo.regionsAmong(db, codes));
}

/** Every one of `codes` must be among `known`, the regions a look-up found of them. */
export function requireKnownRegions(codes: readonly string[], known: ReadonlySet<string>): void {
  for (const code of codes) {
    if (!known.has(code)) {
      throw ruleBroken('body.regionCode', 'no_such_region', `no region has the code "${code}"`);
    }
  }
}

const DEFAULT_FIELD_CODES: ReadonlySet<string> = new Set(DEFAULT_FIELDS.map((f) => f.code));

/** Service fields must be known: the defaults, or codes an admin added to the table. */
export async function requireFields(db: Db, fields: readonly string[]): Promise<void> {
  const unknown = fields.filter((f) => !DEFAULT_FIELD_CODES.has(f));
  if (unknown.length === 0) return;
  const known = new Set(await repo.serviceFieldCodes(db));
  const bad = unknown.find((f) => !known.has(f));
  if (bad !== undefined) {
    throw ruleBroken('body.fields', 'unknown_field', `"${bad}" is not a service field`);
  }
}

/** The password policy (platform/password-policy.ts), with what registration knows of the person. */
export function requirePassword(password: string, owner: PasswordOwner): void {
  if (password.length > LIMITS.passwordMax) {
    throw badRequest(`password: must have at most ${LIMITS.passwordMax} characters`, { field: 'body.password' });
  }
  requireGoodPassword(password, owner);
}

export const duplicatePhone = (): AppError =>
  refusal('DUPLICATE', 'phone_registered', 'phone: this phone number is already registered; log in with it instead', {
    field: 'body.phone',
  });

/** With the holder's masked phone (told only to someone who proved their own phone): where to log in. */
export const duplicateId = (holderPhone?: string | null): AppError =>
  refusal(
    'DUPLICATE',
    'id_registered',
    holderPhone
      ? `idNumber: this ID number is registered with phone ${holderPhone}: log in with it or reset the password`
      : 'idNumber: a volunteer with this ID document is already registered',
    { field: 'body.idNumber', ...(holderPhone ? { phone: holderPhone } : {}) },
  );

/**
 * Which unique column a failed insert hit, from either driver's error, or null when the
 * error is not a unique violation.
 */
export function uniqueViolationOn(err: unknown): 'volunteer_code' | 'id_number' | 'phone' | 'other' | null {
  if (!isUniqueViolation(err)) return null;
  const e = err as { constraint?: string; message?: string };
  const where = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (where.includes('volunteer_code')) return 'volunteer_code';
  if (where.includes('id_number_hash')) return 'id_number';
  if (where.includes('phone_hash')) return 'phone';
  return 'other';
}

/** The answer for a unique violation that got past the checks; other errors pass through. */
export function mapUniqueViolation(clash: ReturnType<typeof uniqueViolationOn>, err: unknown): unknown {
  if (clash === 'id_number') return duplicateId();
  if (clash === 'phone') return duplicatePhone();
  if (clash !== null) return refusal('DUPLICATE', 'already_exists', 'That already exists');
  return err;
}

/** Lists in a stable JSON form, so "unchanged" compares equal to what is stored. */
export const listJson = (v: readonly unknown[] | undefined): string => JSON.stringify(v ?? []);

/**
 * The hashes an ID number written without its kind of document may be stored under: one per
 * kind whose format it fits (registration hashes the normalised number per kind). A long run of
 * digits is read as a resident ID (or the 18-character foreign permanent ID) only, so a wrong
 * check digit is named as such rather than tried as a passport. When it fits no kind, the
 * problem it has as a resident ID, the kind nearly every register holds.
 */
export function idHashCandidates(
  cipher: Pick<PersonalDataCipher, 'lookupHash'>,
  raw: string,
  now: Date,
): { ok: true; hashes: string[] } | { ok: false; problem: IdProblem } {
  const residentLike = /^\d{15,}X?$/.test(raw.trim().toUpperCase());
  const kinds: readonly IdType[] = residentLike ? ['resident_id', 'foreign_permanent_id'] : ID_TYPES;
  const hashes: string[] = [];
  for (const idType of kinds) {
    const checked = checkIdNumber(idType, raw, now);
    if (checked.ok) hashes.push(cipher.lookupHash(idNamespace(idType), checked.normalised));
  }
  if (hashes.length > 0) return { ok: true, hashes };
  const asResident = checkIdNumber('resident_id', raw, now);
  return { ok: false, problem: asResident.ok ? 'document_format' : asResident.problem };
}
