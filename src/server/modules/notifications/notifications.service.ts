import { notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import * as repo from '../../platform/notify/notifications.repository.js';
import { presentNotification } from './notifications.presenter.js';

/** The caller's inbox, newest first, with the unread count of the whole inbox. */
export async function listInbox(
  db: Db,
  actor: Actor,
  q: { cursor?: string | undefined; limit: number; unread?: 'true' | 'false' | undefined },
) {
  const cursor = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.inboxPage(db, actor.userId, {
    beforeId: cursor?.id ?? null,
    limit: q.limit,
    unreadOnly: q.unread === 'true',
  });
  const page = pageOf(rows, q.limit, (last) => ({ id: last.id }));
  return {
    items: page.items.map(presentNotification),
    nextCursor: page.nextCursor,
    unreadCount: await repo.unreadCount(db, actor.userId),
  };
}

/** Marks one of the caller's notifications read; anyone else's is a 404. */
export async function markRead(db: Db, actor: Actor, id: string) {
  await repo.markRead(db, actor.userId, id, nowIso());
  const n = await repo.notificationOf(db, actor.userId, id);
  if (!n) throw notFound('Notification');
  return presentNotification(n);
}

export async function markAllRead(db: Db, actor: Actor) {
  const marked = await repo.markAllRead(db, actor.userId, nowIso());
  return { marked, unreadCount: await repo.unreadCount(db, actor.userId) };
}

export async function getPrefs(db: Db, actor: Actor) {
  const user = await repo.recipientById(db, actor.userId);
  if (!user) throw notFound('User');
  const prefs = await repo.prefsOf(db, actor.userId);
  return {
    inApp: true as const,
    email: repo.channelOn(prefs, 'email'),
    sms: repo.channelOn(prefs, 'sms'),
    emailMasked: user.email_masked,
    phoneMasked: user.phone_masked,
  };
}

export async function putPrefs(db: Db, actor: Actor, body: { email?: boolean | undefined; sms?: boolean | undefined }) {
  await db.transaction().execute(async (trx) => {
    if (body.email !== undefined) await repo.putPref(trx, actor.userId, 'email', body.email);
    if (body.sms !== undefined) await repo.putPref(trx, actor.userId, 'sms', body.sms);
  });
  return getPrefs(db, actor);
}

/** a****@example.org: enough for the owner to recognise it, too little to write to it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, local.length > 3 ? 2 : 1)}***${email.slice(at)}`;
}

/**
 * Sets (or with null removes) the caller's contact e-mail: encrypted at rest, masked in
 * answers. The audit log records that it changed, never the address.
 */
export async function putEmail(ctx: Pick<AppContext, 'cipher'>, db: Db, actor: Actor, email: string | null) {
  const address = email === null ? null : email.trim();
  const masked = address === null ? null : maskEmail(address);
  await db.transaction().execute(async (trx) => {
    await repo.putEmail(trx, actor.userId, address === null ? null : ctx.cipher.encrypt(address), masked);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: address === null ? 'user.email.remove' : 'user.email.set',
      entityType: 'user',
      entityId: actor.userId,
      details: { fields: ['email'] },
    });
  });
  return { emailMasked: masked };
}
