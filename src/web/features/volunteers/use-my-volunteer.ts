import { useQuery } from '@tanstack/react-query';
import { getVolunteer } from '../../api/volunteers.api.js';
import { useSession } from '../auth/use-session.js';

/** The query key of the logged-in volunteer's profile; a saved change refreshes it. */
export const volunteerKey = (volunteerId: string | null) => ['volunteer', volunteerId] as const;

/** The session and, for a volunteer, their own profile (GET /volunteers/:id). */
export function useMyVolunteer() {
  const session = useSession();
  const volunteerId = session.me?.user.volunteerId ?? null;
  const volunteer = useQuery({
    queryKey: volunteerKey(volunteerId),
    queryFn: () => getVolunteer(volunteerId ?? ''),
    enabled: !!volunteerId,
  });
  return { ...session, volunteerId, volunteer };
}
