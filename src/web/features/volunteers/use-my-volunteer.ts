import { useQuery } from '@tanstack/react-query';
import { getVolunteer, volunteerKeys } from '../../api/volunteers.api.js';
import { useSession } from '../auth/use-session.js';

/** The session and, for a volunteer, their own profile (GET /volunteers/:id). */
export function useMyVolunteer() {
  const session = useSession();
  const volunteerId = session.me?.user.volunteerId ?? null;
  const volunteer = useQuery({
    queryKey: volunteerKeys.one(volunteerId),
    queryFn: () => getVolunteer(volunteerId ?? ''),
    enabled: !!volunteerId,
  });
  return { ...session, volunteerId, volunteer };
}
