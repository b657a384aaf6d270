import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';

export interface NotificationInput {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  /** One notification per key, ever: a retried event does not notify twice. */
  dedupeKey?: string;
}

/** Inserts the in-app notification and one outbox row per external channel. */
export async function insertNotification(db: Db, n: NotificationInput, channels: string[]): Promise<string | null> {
  if (n.dedupeKey) {
    const seen = await db
      .selectFrom('notifications')
      .select('id')
      .where('dedupe_key', '=', n.dedupeKey)
      .executeTakeFirst();
    if (seen) return null;
  }
  const id = newId();
  const now = nowIso();
  await db
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
    .execute();
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

/** The external channels a user has turned on and can be reached by. */
export async function channelsOf(db: Db, userId: string): Promise<string[]> {
  const user = await db
    .selectFrom('users')
    .select(['email_enc', 'phone_enc'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return [];
  const prefs = await db
    .selectFrom('notification_prefs')
    .select(['channel', 'enabled'])
    .where('user_id', '=', userId)
    .execute();
  const on = (channel: string, dflt: boolean) =>
    prefs.find((p) => p.channel === channel)?.enabled === 1 || (dflt && !prefs.some((p) => p.channel === channel));
  const out: string[] = [];
  if (user.email_enc && on('email', true)) out.push('email');
  if (user.phone_enc && on('sms', false)) out.push('sms');
  return out;
}
