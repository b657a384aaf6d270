import { z } from 'zod';
import { PageQuery } from './common.js';

/** Kinds with a rendered template (zh-CN and en); other kinds carry their own title and body. */
export const NOTIFICATION_KINDS = [
  'signup_result',
  'waitlist_promoted',
  'activity_cancelled',
  'shift_changed',
  'shift_reminder',
  'record_confirmed',
  'points_earned',
  'membership_invited',
  'membership_changed',
  'need_update',
  'plan_task_overdue',
  'honour_points',
  'report_update',
  'story_update',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** External channels; the in-app inbox is always on. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('What happened, e.g. `signup_result`, `shift_reminder`'),
    title: z.string().describe("In the recipient's language"),
    body: z.string(),
    data: z.record(z.string(), z.unknown()).describe('Ids the client can link to (activityId, shiftId, signupId…)'),
    createdAt: z.string(),
    readAt: z.string().nullable().describe('When it was marked read; null while unread'),
  })
  .describe('Notification');
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('`true`: unread ones only'),
  ...PageQuery,
});

export const NotificationList = z
  .object({
    items: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().describe('Unread notifications in the whole inbox'),
  })
  .describe('Inbox, newest first');

export const ReadAllAnswer = z.object({
  marked: z.number().int().describe('How many were unread and are now read'),
  unreadCount: z.number().int(),
});

export const NotificationPrefsSchema = z
  .object({
    inApp: z.literal(true).describe('The in-app inbox is always on'),
    email: z.boolean().describe('Send by e-mail (needs a contact e-mail)'),
    sms: z.boolean().describe('Send by SMS to the registered phone'),
    emailMasked: z.string().nullable().describe('The contact e-mail, masked; null when none is set'),
    phoneMasked: z.string().nullable(),
  })
  .describe('Notification channels');

export const NotificationPrefsBody = z.strictObject({
  email: z.boolean().optional().describe('Send by e-mail'),
  sms: z.boolean().optional().describe('Send by SMS'),
});

export const EmailBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email())
    .nullable()
    .describe('Contact e-mail for notifications; null removes it'),
});

export const EmailAnswer = z.object({
  emailMasked: z.string().nullable().describe('The stored address, masked'),
});
