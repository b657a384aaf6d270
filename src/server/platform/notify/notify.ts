import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../common/contract/notifications.js';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../ids.js';
import { getSettings } from '../settings/settings.service.js';
import * as repo from './notifications.repository.js';
import { localeOf, render, type TemplateParams } from './templates.js';

interface Common {
  userId: string;
  /** Ids the client can link to (activityId, shiftId, signupId…); no personal data. */
  data?: Record<string, unknown>;
  /** One notification per key, ever: a retried event does not notify twice. */
  dedupeKey?: string;
}

/** A notification whose caller wrote the text itself (kept for callers that need a one-off text). */
export interface TextNotification extends Common {
  kind: string;
  title: string;
  body: string;
}

/** A notification of a known kind: the text is rendered from its template in the recipient's language. */
export type TemplatedNotification = {
  [K in NotificationKind]: Common & { kind: K; params: TemplateParams[K] };
}[NotificationKind];

export type NotificationInput = TextNotification | TemplatedNotification;

const isTemplated = (n: NotificationInput): n is TemplatedNotification => 'params' in n;

export interface NotifyOptions {
  /** When the event happened (ISO-8601): the inbox row's time and the outbox rows' first attempt. Defaults to now. */
  now?: string;
}

/**
 * Records a notification for a user: in the inbox at once, and in the outbox for each
 * channel they chose and can be reached by. Call it inside the transaction that makes the
 * event happen, so the notice exists exactly when the event does; the outbox dispatcher
 * sends it later. Returns the notification id, or null when the dedupe key was used before
 * or the user does not exist.
 */
export async function notify(
  trx: Transaction<DB>,
  n: NotificationInput,
  opts: NotifyOptions = {},
): Promise<string | null> {
  const user = await repo.recipientById(trx, n.userId);
  if (!user) return null;
  const channels = repo.reachableChannels(user, await repo.prefsOf(trx, n.userId));
  let text: { title: string; body: string };
  if (isTemplated(n)) {
    const { timeZone } = await getSettings(trx);
    // Rendered once, in the language the user had when it happened: e-mail and inbox agree.
    text = render(n.kind, n.params as never, localeOf(user.locale), timeZone);
  } else {
    text = { title: n.title, body: n.body };
  }
  return repo.insertNotification(
    trx,
    { userId: n.userId, kind: n.kind, ...text, data: n.data ?? {}, dedupeKey: n.dedupeKey },
    channels,
    opts.now ?? nowIso(),
  );
}
