import type { AppContext } from '../../context.js';
import * as repo from './notifications.repository.js';
import * as outbox from './outbox.repository.js';
import { describeSendError, transportsFromEnv, type Transports } from './transports.js';

export interface DispatchOptions {
  /** The clock (ISO-8601); rows due at or before it are sent. */
  now?: string;
  /** At most this many rows per call. */
  batch?: number;
  /** Defaults to the transports the environment configures. */
  transports?: Transports;
  /** After this many failed attempts a row is given up on (`failed`). */
  maxAttempts?: number;
  /** Rows sent at the same time (default 4). */
  concurrency?: number;
}

export interface DispatchResult {
  /** Rows that were due when the call looked (a full batch means more may wait). */
  due: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** How long a claimed row stays ours: longer than the transports' timeouts. */
export const LEASE_MS = 5 * 60_000;
export const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;
export const MAX_ATTEMPTS = 8;

/** Delay before attempt n+1 after n failures: 1 min, 2, 4 … capped at 6 h. */
export const backoffMs = (attempts: number): number =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

let envTransports: Transports | undefined;
const defaultTransports = (): Transports => (envTransports ??= transportsFromEnv());

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Sends what the outbox holds that is due. Each row is claimed with a conditional UPDATE
 * (a lease in `locked_until`) right before it is sent, so two processes never send the same
 * row at once; then it is marked sent, or put back with exponential backoff, or given up
 * on after `maxAttempts`.
 *
 * Delivery is at least once: a process that dies after the transport accepted a message
 * but before marking the row leaves the lease to expire, and the row is sent again (once)
 * after LEASE_MS. E-mail carries the outbox id as its Message-ID so receivers can tell the
 * duplicate. Addresses are decrypted here, at send time, and never logged or stored in
 * errors.
 */
export async function dispatchOutbox(
  ctx: Pick<AppContext, 'database' | 'cipher'>,
  opts: DispatchOptions = {},
): Promise<DispatchResult> {
  const db = ctx.database.db;
  const now = opts.now ?? new Date().toISOString();
  const transports = opts.transports ?? defaultTransports();
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const channels = (['email', 'sms'] as const).filter((c) => transports[c] !== null);
  const due = await outbox.dueOutboxIds(db, now, channels, opts.batch ?? 50);
  const result: DispatchResult = { due: due.length, sent: 0, retried: 0, failed: 0, skipped: 0 };
  // A few rows at a time: a slow SMTP answer should not hold up the rest of the batch.
  const queue = [...due];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const outcome = await sendOne(ctx, transports, id, now, maxAttempts);
      if (outcome) result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return result;
}

/** Claims, sends and marks one row; null when another process holds it. */
async function sendOne(
  ctx: Pick<AppContext, 'database' | 'cipher'>,
  transports: Transports,
  id: string,
  now: string,
  maxAttempts: number,
): Promise<Exclude<keyof DispatchResult, 'due'> | null> {
  const db = ctx.database.db;
  const lease = shift(now, LEASE_MS);
  if (!(await outbox.claimOutboxRow(db, id, now, lease))) return null; // another process has it
  const msg = await outbox.outboxMessage(db, id);
  if (!msg) return null;

  // Preferences and addresses may have changed since it was queued: the current ones win.
  const user = await repo.recipientById(db, msg.userId);
  const reachable = user ? repo.reachableChannels(user, await repo.prefsOf(db, msg.userId)) : [];
  if (!reachable.includes(msg.channel)) {
    await outbox.finishOutboxRow(db, id, lease, {
      status: 'skipped',
      at: now,
      attempts: msg.attempts,
      error: 'channel turned off or no address',
    });
    return 'skipped';
  }

  try {
    if (msg.channel === 'email' && transports.email && msg.emailEnc) {
      const to = ctx.cipher.decrypt(msg.emailEnc);
      await transports.email.send({ id: msg.id, to, subject: msg.title, text: emailText(msg.body, msg.locale) });
    } else if (msg.channel === 'sms' && transports.sms && msg.phoneEnc) {
      const phone = ctx.cipher.decrypt(msg.phoneEnc);
      await transports.sms.send(phone, smsText(msg.title, msg.body, msg.locale));
    } else {
      throw Object.assign(new Error('no transport'), { code: 'NO_TRANSPORT' });
    }
    await outbox.finishOutboxRow(db, id, lease, { status: 'sent', at: now, attempts: msg.attempts + 1, error: null });
    return 'sent';
  } catch (err) {
    const attempts = msg.attempts + 1;
    const error = describeSendError(err);
    if (attempts >= maxAttempts) {
      await outbox.finishOutboxRow(db, id, lease, { status: 'failed', at: now, attempts, error });
      return 'failed';
    }
    await outbox.retryOutboxRow(db, id, lease, { attempts, nextAttemptAt: shift(now, backoffMs(attempts)), error });
    return 'retried';
  }
}

/** The e-mail body: the notice, then where to turn e-mail off (receivers should not need to reply to stop it). */
export function emailText(body: string, locale: string): string {
  const footer =
    locale === 'en'
      ? 'Shanmei volunteer service. To stop these e-mails, turn e-mail off under Me → Notifications.'
      : '善美志愿服务平台。如不想再收到邮件，可在「我的 → 通知设置」中关闭邮件通知。';
  return `${body}\n\n-- \n${footer}\n`;
}

/** SMS carry the platform's name first, as Chinese carriers require a signature. */
export function smsText(title: string, body: string, locale: string): string {
  return locale === 'en' ? `[Shanmei] ${title}: ${body}` : `【善美】${title}：${body}`;
}
