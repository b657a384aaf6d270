import { useQuery } from '@tanstack/react-query';
import { myNotifications } from '../../api/notifications.api.js';
import { useSession } from '../auth/use-session.js';

export const INBOX_KEY = ['me', 'notifications'] as const;

/** The unread count for the header badge, checked every minute while someone is logged in. */
export function useUnreadCount(): number {
  const { me } = useSession();
  const q = useQuery({
    queryKey: [...INBOX_KEY, 'unread'],
    queryFn: () => myNotifications({ unread: 'true', limit: 1 }),
    enabled: !!me,
    refetchInterval: 60_000,
  });
  return me ? (q.data?.unreadCount ?? 0) : 0;
}
