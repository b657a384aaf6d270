import type { IdType } from '../../../common/enums.js';
import { ageOn, checkIdNumber } from '../../../common/id-numbers.js';
import { localDate } from '../../../common/zoned-time.js';
import { useGuardianAges, usePlatformTimeZone } from '../../components/use-public-config.js';

/** What a guardian must do for the person whose ID is typed: consent now, consent before serving, nothing. */
export type GuardianNeed = 'at_registration' | 'to_serve' | 'none';

/**
 * Reads the age from the resident ID number being typed (the birth date it holds), today in
 * the platform's zone, against the installation's guardian ages (the server decides again).
 */
export function useGuardianNeed(idType: IdType, idNumber: string): GuardianNeed {
  const ages = useGuardianAges();
  const zone = usePlatformTimeZone();
  const id = checkIdNumber(idType, idNumber);
  if (!id.ok || !id.birthDate) return 'none';
  const age = ageOn(id.birthDate, localDate(new Date(), zone));
  if (age >= ages.age) return 'none';
  return age < ages.registrationAge ? 'at_registration' : 'to_serve';
}
