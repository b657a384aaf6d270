import type { z } from 'zod';
import type { Notification, NotificationList } from '../../common/contract/notifications.js';
import { api } from './http-client.js';

export type Inbox = z.infer<typeof NotificationList>;
export type { Notification };

export const myNotifications = (query: { unread?: 'true'; cursor?: string; limit?: number } = {}) =>
  api.get<Inbox>('/me/notifications', { ...query });
export const markRead = (notificationId: string) =>
  api.post<Notification>(`/me/notifications/${encodeURIComponent(notificationId)}/read`);
export const markAllRead = () => api.post<{ marked: number; unreadCount: number }>('/me/notifications/read-all');

/** React Query keys of the inbox; `all` invalidates both the list and the unread count. */
export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  list: ['me', 'notifications', 'all'] as const,
  unread: ['me', 'notifications', 'unread'] as const,
};
