/**
 * Identity documents and phone numbers: validation, derived facts and masks.
 * Pure and isomorphic — the API, the registration form and the importer share it.
 */
import type { Gender, IdType } from './enums.js';

/** Mainland mobile numbers: 11 digits, 1 then 3–9. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const isMainlandMobile = (phone: string): boolean => MAINLAND_MOBILE.test(phone);

/**
 * Province-level codes of GB/T 2260 (the first two digits of a 居民身份证 number):
 * 11–15 north, 21–23 north-east, 31–37 east, 41–46 central-south, 50–54 south-west,
 * 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'],
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckDigit needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Why an ID number was refused, for words in the reader's language (an import's report). */
export type IdProblem =
  | 'empty'
  | 'length'
  | 'format'
  | 'province'
  | 'birth_date'
  | 'birth_before_1900'
  | 'birth_in_future'
  | 'check_digit'
  | 'document_format';

export type IdCheck =
  | { ok: true; normalised: string; birthDate: string | null; gender: Gender | null }
  | { ok: false; message: string; problem: IdProblem };

const fail = (message: string, problem: IdProblem): IdCheck => ({ ok: false, message, problem });

/**
 * Today's date (YYYY-MM-DD) in China Standard Time, UTC+8 all year: a birth date "in the
 * future" is judged by the calendar where the document was issued.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether YYYY, MM, DD name a real day of the Gregorian calendar. */
function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** 居民身份证 per GB 11643-1999. `today` is YYYY-MM-DD. */
function checkResidentId(value: string, today: string): IdCheck {
  if (value.length !== 18) return fail('a resident ID number has 18 characters', 'length');
  if (!/^\d{17}[\dX]$/.test(value))
    return fail('a resident ID number is 17 digits and a check digit (0–9 or X)', 'format');
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return fail('the first two digits are not a province code', 'province');
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isRealDate(y, m, d)) return fail('the birth date in the number is not a real date', 'birth_date');
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate < '1900-01-01') return fail('the birth date in the number is before 1900', 'birth_before_1900');
  if (birthDate > today) return fail('the birth date in the number is in the future', 'birth_in_future');
  if (residentIdCheckDigit(value.slice(0, 17)) !== value[17]) return fail('the check digit is wrong', 'check_digit');
  const gender: Gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalised: value, birthDate, gender };
}

/** Format rules for the other documents; their numbers carry no birth date or gender. */
const OTHER_FORMATS: Record<Exclude<IdType, 'resident_id'>, { test: (v: string) => boolean; message: string }> = {
  passport: {
    test: (v) => /^[A-Z0-9]{5,20}$/.test(v),
    message: 'a passport number is 5 to 20 letters or digits',
  },
  hk_macao_permit: {
    test: (v) => /^[HM](\d{8}|\d{10})$/.test(v),
    message: 'a Hong Kong or Macao permit number is H or M followed by 8 or 10 digits',
  },
  taiwan_permit: {
    test: (v) => /^(\d{8}|[A-Z0-9]{10})$/.test(v),
    message: 'a Taiwan permit number is 8 digits or 10 letters and digits',
  },
  foreign_permanent_id: {
    test: (v) => /^[A-Z]{3}\d{12}$/.test(v) || /^9\d{16}[\dX]$/.test(v),
    message:
      'a foreign permanent residence ID is 15 characters (3 letters, 12 digits) or 18 characters starting with 9',
  },
};

/**
 * Checks an ID number of the given type. Letters are upper-cased and surrounding spaces
 * dropped; the normalised form is what is stored and hashed, so `x` and `X` are one number.
 * For a resident ID the birth date (YYYY-MM-DD) and gender are derived from the number.
 * Messages never repeat the number.
 */
export function checkIdNumber(idType: IdType, raw: string, now: Date = new Date()): IdCheck {
  const value = raw.trim().toUpperCase();
  if (value.length === 0) return fail('the ID number is empty', 'empty');
  if (idType === 'resident_id') return checkResidentId(value, chinaToday(now));
  const rule = OTHER_FORMATS[idType];
  if (!rule) return fail('unknown ID type', 'document_format');
  return rule.test(value)
    ? { ok: true, normalised: value, birthDate: null, gender: null }
    : fail(rule.message, 'document_format');
}

const stars = (n: number): string => '*'.repeat(Math.max(n, 0));

/**
 * The masked form shown in answers, exports and certificates: the first and the last
 * character (5****************4). A resident ID is 6 region + 8 birth + 3 sequence + 1 check
 * characters; shown beside a region, a gender and a birth year (never a whole birth date), this
 * leaves more than ten thousand numbers it could be. Keeping more (the old 3 + 4) let the
 * number be rebuilt from the birth date and region shown next to it.
 */
export function maskIdNumber(_idType: IdType, normalised: string): string {
  if (normalised.length <= 2) return stars(normalised.length);
  return normalised.slice(0, 1) + stars(normalised.length - 2) + normalised.slice(-1);
}

/** 138****1234. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return stars(phone.length);
  return phone.slice(0, 3) + stars(phone.length - 7) + phone.slice(-4);
}

/** The birth date (YYYY-MM-DD) a valid resident ID number carries; null for other documents. */
export function birthDateOfId(idType: IdType, normalised: string): string | null {
  if (idType !== 'resident_id' || !/^\d{17}[\dX]$/.test(normalised)) return null;
  return `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
}

/** Whole years from `birthDate` to `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
