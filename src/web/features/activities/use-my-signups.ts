import { useQuery } from '@tanstack/react-query';
import { mySignups, type MySignup } from '../../api/signups.api.js';
import { useSession } from '../auth/use-session.js';

export const MY_SIGNUPS_KEY = ['me', 'signups'] as const;

/** Statuses that hold (or wait for) a place: the volunteer can still cancel them. */
export const LIVE_STATUSES: readonly MySignup['status'][] = ['approved', 'applied', 'waitlisted'];

/** My sign-ups (volunteers only); empty for anyone else. */
export function useMySignups() {
  const { me } = useSession();
  return useQuery({
    queryKey: MY_SIGNUPS_KEY,
    queryFn: () => mySignups(),
    enabled: !!me?.user.volunteerId,
  });
}
