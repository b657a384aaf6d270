import type { NotificationChannel } from '../../../common/contract/notifications.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';

/** Ids of outbox rows due now on the given channels and not leased by another process. */
export async function dueOutboxIds(
  db: Db,
  now: string,
  channels: readonly NotificationChannel[],
  batch: number,
): Promise<string[]> {
  if (!channels.length) return [];
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where('channel', 'in', channels)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(batch)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes the lease on one row. The condition is re-checked by the UPDATE itself, so of two
 * processes that saw the row due, exactly one changes it (PostgreSQL re-evaluates the WHERE
 * after the other's commit; SQLite runs one writer at a time).
 */
export async function claimOutboxRow(db: Db, id: string, now: string, lockedUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ locked_until: lockedUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

/** A claimed row with what sending it needs. Addresses stay encrypted until the transport. */
export interface OutboxMessage {
  id: string;
  channel: NotificationChannel;
  attempts: number;
  userId: string;
  kind: string;
  title: string;
  body: string;
  locale: string;
  emailEnc: string | null;
  phoneEnc: string | null;
}

export async function outboxMessage(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const r = await db
    .selectFrom('outbox')
    .innerJoin('notifications', 'notifications.id', 'outbox.notification_id')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'outbox.id',
      'outbox.channel',
      'outbox.attempts',
      'notifications.user_id',
      'notifications.kind',
      'notifications.title',
      'notifications.body',
      'users.locale',
      'users.email_enc',
      'users.phone_enc',
    ])
    .where('outbox.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    channel: r.channel,
    attempts: r.attempts,
    userId: r.user_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    locale: r.locale,
    emailEnc: r.email_enc,
    phoneEnc: r.phone_enc,
  };
}

/** Ends a leased row: sent, or given up on (`failed`, `skipped`); the lease is released. */
export async function finishOutboxRow(
  db: Db,
  id: string,
  lease: string,
  o: { status: 'sent' | 'failed' | 'skipped'; at: string; attempts: number; error: string | null },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: o.status,
      sent_at: o.status === 'sent' ? o.at : null,
      attempts: o.attempts,
      last_error: o.error,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    // A row that went out is marked sent even if our lease ran out meanwhile: that stops a
    // third attempt. Giving up, though, is only for the lease holder.
    .$if(o.status !== 'sent', (q) => q.where('locked_until', '=', lease))
    .execute();
}

/** Puts a leased row back for a later attempt. */
export async function retryOutboxRow(
  db: Db,
  id: string,
  lease: string,
  o: { attempts: number; nextAttemptAt: string; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ attempts: o.attempts, next_attempt_at: o.nextAttemptAt, last_error: o.error, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('locked_until', '=', lease)
    .execute();
}
