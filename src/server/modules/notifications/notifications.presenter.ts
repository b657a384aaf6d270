import type { Notification } from '../../../common/contract/notifications.js';
import type { NotificationsTable } from '../../db/schema.js';

export function presentNotification(n: NotificationsTable): Notification {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    data: JSON.parse(n.data) as Record<string, unknown>,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
