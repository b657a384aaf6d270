import { useQueries } from '@tanstack/react-query';
import { shiftSignups, signupKeys } from '../../api/signups.api.js';

/**
 * Volunteers' names for records and attendance, which carry only ids: the organiser sees
 * the names in the sign-ups of the shifts involved.
 */
export function useVolunteerNames(shiftIds: (string | null)[]): Map<string, string> {
  const unique = [...new Set(shiftIds.filter((s): s is string => !!s))];
  const lists = useQueries({
    queries: unique.map((id) => ({ queryKey: signupKeys.ofShift(id), queryFn: () => shiftSignups(id) })),
  });
  const names = new Map<string, string>();
  for (const l of lists) for (const s of l.data?.items ?? []) names.set(s.volunteerId, s.volunteerName);
  return names;
}
