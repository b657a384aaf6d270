import type { NotificationChannel } from '../../../common/contract/notifications.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { NotificationsTable } from '../../db/schema.js';
import { newId } from '../../ids.js';

/** A notification ready to store: the text is already in the recipient's language. */
export interface NotificationRow {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  /** One notification per key, ever: a retried event does not notify twice. */
  dedupeKey?: string;
}

/**
 * Inserts the in-app notification and one outbox row per external channel. A dedupe key
 * already used makes this a no-op (null), also when two transactions race for it: the
 * unique index decides, and ON CONFLICT DO NOTHING keeps the caller's transaction usable.
 */
export async function insertNotification(
  db: Db,
  n: NotificationRow,
  channels: readonly NotificationChannel[],
  now: string,
): Promise<string | null> {
  const id = newId();
  const res = await db
    .insertInto('notifications')
    .values({
      id,
      user_id: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      data: JSON.stringify(n.data ?? {}),
      dedupe_key: n.dedupeKey ?? null,
      created_at: now,
      read_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (toNumber(res.numInsertedOrUpdatedRows) === 0) return null;
  if (channels.length) {
    await db
      .insertInto('outbox')
      .values(
        channels.map((channel) => ({
          id: newId(),
          notification_id: id,
          channel,
          status: 'pending',
          next_attempt_at: now,
          locked_until: null,
          last_error: null,
          created_at: now,
          sent_at: null,
        })),
      )
      .execute();
  }
  return id;
}

/** What notifying a user needs to know about them; never logged. */
export interface Recipient {
  locale: string;
  email_enc: string | null;
  email_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
}

export async function recipientById(db: Db, userId: string): Promise<Recipient | undefined> {
  return db
    .selectFrom('users')
    .select(['locale', 'email_enc', 'email_masked', 'phone_enc', 'phone_masked'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function prefsOf(db: Db, userId: string): Promise<{ channel: NotificationChannel; enabled: number }[]> {
  return db.selectFrom('notification_prefs').select(['channel', 'enabled']).where('user_id', '=', userId).execute();
}

/** E-mail is on by default once an address is set; SMS costs money, so it is off until chosen. */
export const CHANNEL_DEFAULTS: Record<string, boolean> = { email: true, sms: false };

export function channelOn(
  prefs: { channel: NotificationChannel; enabled: number }[],
  channel: NotificationChannel,
): boolean {
  const p = prefs.find((x) => x.channel === channel);
  return p ? p.enabled === 1 : (CHANNEL_DEFAULTS[channel] ?? false);
}

/** The external channels a user has turned on and can be reached by. */
export async function channelsOf(db: Db, userId: string): Promise<NotificationChannel[]> {
  const user = await recipientById(db, userId);
  if (!user) return [];
  return reachableChannels(user, await prefsOf(db, userId));
}

export function reachableChannels(
  user: Recipient,
  prefs: { channel: NotificationChannel; enabled: number }[],
): NotificationChannel[] {
  const out: NotificationChannel[] = [];
  if (user.email_enc && channelOn(prefs, 'email')) out.push('email');
  if (user.phone_enc && channelOn(prefs, 'sms')) out.push('sms');
  return out;
}

export async function putPref(db: Db, userId: string, channel: NotificationChannel, enabled: boolean): Promise<void> {
  await db
    .insertInto('notification_prefs')
    .values({ user_id: userId, channel, enabled: enabled ? 1 : 0 })
    .onConflict((oc) => oc.columns(['user_id', 'channel']).doUpdateSet({ enabled: enabled ? 1 : 0 }))
    .execute();
}

export async function putEmail(db: Db, userId: string, enc: string | null, masked: string | null): Promise<void> {
  await db.updateTable('users').set({ email_enc: enc, email_masked: masked }).where('id', '=', userId).execute();
}

/** One page of a user's inbox, newest first (ids are time-ordered). */
export async function inboxPage(
  db: Db,
  userId: string,
  o: { beforeId: string | null; limit: number; unreadOnly: boolean },
): Promise<NotificationsTable[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (o.beforeId) q = q.where('id', '<', o.beforeId);
  if (o.unreadOnly) q = q.where('read_at', 'is', null);
  return q
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return toNumber(r?.n);
}

export async function notificationOf(db: Db, userId: string, id: string): Promise<NotificationsTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks one notification read; the first read time stays. */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows);
}
