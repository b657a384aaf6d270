import { useQuery } from '@tanstack/react-query';
import { configKeys, getPublicConfig } from '../api/config.api.js';
import { DEFAULT_TIME_ZONE } from '../../common/zoned-time.js';

/** The installation's public configuration (tile server, time zone), asked once per visit. */
export function usePublicConfig() {
  return useQuery({ queryKey: configKeys.public, queryFn: getPublicConfig, staleTime: Infinity, retry: 1 });
}

/**
 * The platform's time zone (`settings.timeZone`): every day the web app counts and every time
 * it shows is in this zone, never the device's. Until the configuration arrives, the default.
 */
export function usePlatformTimeZone(): string {
  return usePublicConfig().data?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The ages at which minors need their guardian (`settings.guardianAge`, `guardianRegistrationAge`). */
export function useGuardianAges(): { age: number; registrationAge: number } {
  return usePublicConfig().data?.guardian ?? { age: 18, registrationAge: 14 };
}
