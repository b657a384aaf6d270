import type { IdType } from '../../../common/enums.js';
import { ageOn, birthDateOfId, chinaToday } from '../../../common/id-numbers.js';
import type { PlatformSettings } from '../../../common/settings.js';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { encryptedIdsOf } from './volunteers.repository.js';

/** What a guardian must do for a volunteer of this age: consent before registering, consent before serving, nothing. */
export type GuardianNeed = 'at_registration' | 'to_serve' | 'none';

type AgeSettings = Pick<PlatformSettings, 'guardianAge' | 'guardianRegistrationAge'>;

export function guardianNeed(age: number | null, s: AgeSettings): GuardianNeed {
  if (age === null || age >= s.guardianAge) return 'none';
  return age < s.guardianRegistrationAge ? 'at_registration' : 'to_serve';
}

/** Whole years today, from the birth date inside a resident ID; null for documents without one. */
export function ageOfId(idType: IdType, normalised: string, now: Date): number | null {
  const birth = birthDateOfId(idType, normalised);
  return birth === null ? null : ageOn(birth, chinaToday(now));
}

/**
 * Which of these volunteers are minors today (under the `guardianAge` setting). The birth
 * year answers for everyone but those who reach that age this year; only their encrypted ID
 * numbers are opened, and only to compare a date.
 */
export async function minorsAmong(
  ctx: { cipher: PersonalDataCipher },
  db: Db,
  rows: readonly { id: string; birth_year: number | string | null }[],
  now: Date,
): Promise<Set<string>> {
  const minors = new Set<string>();
  if (rows.every((r) => r.birth_year === null)) return minors;
  const { guardianAge } = await getSettings(db);
  const thisYear = Number(chinaToday(now).slice(0, 4));
  const boundary: string[] = [];
  for (const r of rows) {
    if (r.birth_year === null) continue;
    const years = thisYear - Number(r.birth_year);
    if (years < guardianAge) minors.add(r.id);
    else if (years === guardianAge) boundary.push(r.id);
  }
  for (const r of await encryptedIdsOf(db, boundary)) {
    const age = ageOfId(r.id_type, ctx.cipher.decrypt(r.id_number_enc), now);
    if (age !== null && age < guardianAge) minors.add(r.id);
  }
  return minors;
}
