import { useQuery } from '@tanstack/react-query';
import { mySignups, signupKeys, type MySignup } from '../../api/signups.api.js';
import { useSession } from '../auth/use-session.js';

/** Statuses that hold (or wait for) a place: the volunteer can still cancel them. */
export const LIVE_STATUSES: readonly MySignup['status'][] = ['approved', 'applied', 'waitlisted'];

/** My sign-ups (volunteers only); empty for anyone else. */
export function useMySignups() {
  const { me } = useSession();
  return useQuery({
    queryKey: signupKeys.mine,
    queryFn: () => mySignups(),
    enabled: !!me?.user.volunteerId,
  });
}
