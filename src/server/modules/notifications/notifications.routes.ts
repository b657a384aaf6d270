import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  EmailAnswer,
  EmailBody,
  NotificationList,
  NotificationListQuery,
  NotificationPrefsBody,
  NotificationPrefsSchema,
  NotificationSchema,
  ReadAllAnswer,
} from '../../../common/contract/notifications.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './notifications.service.js';

/** The caller's inbox, channel preferences and contact e-mail. */
export function notificationRoutes(app: App): void {
  const tags = ['notifications'];
  const ctx = app.ctx;
  const db = () => ctx.database.db;

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (req) => service.listInbox(db(), requireActor(req), req.query),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        response: { 200: NotificationSchema, ...errorResponses },
      },
    },
    async (req) => service.markRead(db(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: ReadAllAnswer, ...errorResponses } },
    },
    async (req) => service.markAllRead(db(), requireActor(req)),
  );

  app.get(
    '/api/v1/me/notification-prefs',
    {
      schema: {
        tags,
        summary: 'Which channels my notifications go to (the inbox always)',
        response: { 200: NotificationPrefsSchema, ...errorResponses },
      },
    },
    async (req) => service.getPrefs(db(), requireActor(req)),
  );

  app.put(
    '/api/v1/me/notification-prefs',
    {
      schema: {
        tags,
        summary: 'Turn e-mail and SMS on or off',
        body: NotificationPrefsBody,
        response: { 200: NotificationPrefsSchema, ...errorResponses },
      },
    },
    async (req) => service.putPrefs(db(), requireActor(req), req.body),
  );

  app.put(
    '/api/v1/me/email',
    {
      schema: {
        tags,
        summary: 'Set or remove my contact e-mail (stored encrypted, shown masked)',
        body: EmailBody,
        response: { 200: EmailAnswer, ...errorResponses },
      },
    },
    async (req) => service.putEmail(ctx, db(), requireActor(req), req.body.email),
  );
}
