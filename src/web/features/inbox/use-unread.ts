import { useQuery } from '@tanstack/react-query';
import { myNotifications, notificationKeys } from '../../api/notifications.api.js';
import { useSession } from '../auth/use-session.js';

/** The unread count for the header badge, checked every minute while someone is logged in. */
export function useUnreadCount(): number {
  const { me } = useSession();
  const q = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => myNotifications({ unread: 'true', limit: 1 }),
    enabled: !!me,
    refetchInterval: 60_000,
  });
  return me ? (q.data?.unreadCount ?? 0) : 0;
}
