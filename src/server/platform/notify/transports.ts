import { appendFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { maskPhone } from '../../../common/id-numbers.js';

/** One e-mail. `id` is the outbox id: it becomes the Message-ID, so a resend is recognisable. */
export interface EmailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface EmailTransport {
  send(msg: EmailMessage): Promise<void>;
  close?(): void;
}

/** An SMS gateway. Implementations must not log the full number. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/** The channels the dispatcher can send on; a channel without a transport is left queued. */
export interface Transports {
  email: EmailTransport | null;
  sms: SmsProvider | null;
}

/** The Message-ID of an outbox row's e-mail (RFC 5322 msg-id). */
export const messageIdOf = (outboxId: string): string => `<${outboxId}@shanmei>`;

/** SMTP through nodemailer, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@mail.example.org`. */
export function smtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // One connection reused for a batch instead of a handshake per message.
    pool: true,
    maxConnections: 4,
    // Short timeouts: a hung server must not hold a row past its lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(msg) {
      await transporter.sendMail({
        from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        messageId: messageIdOf(msg.id),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * The development SMS transport: one line per message to a file (or the console), with the
 * number masked — a developer sees that a text went out and what it said, never to whom.
 */
export function devSmsProvider(file?: string): SmsProvider {
  return {
    async send(phone, text) {
      const line = `${new Date().toISOString()} sms to ${maskPhone(phone)}: ${text.replace(/\s+/g, ' ')}\n`;
      if (file) await appendFile(file, line, 'utf8');
      else process.stdout.write(line);
    },
  };
}

const SMS_PROVIDERS: Record<string, (env: NodeJS.ProcessEnv) => SmsProvider> = {
  dev: (env) => devSmsProvider(env.SHANMEI_SMS_DEV_FILE || undefined),
};

/**
 * Transports from the environment: SHANMEI_SMTP_URL (+ SHANMEI_MAIL_FROM) for e-mail — none
 * means e-mail waits in the outbox until one is configured; SHANMEI_SMS_PROVIDER (`dev` by
 * default) for SMS. An unknown provider is an error at start, not a silent drop.
 */
export function transportsFromEnv(env: NodeJS.ProcessEnv = process.env): Transports {
  const smtp = env.SHANMEI_SMTP_URL;
  const from = env.SHANMEI_MAIL_FROM || '善美志愿服务 <no-reply@shanmei.local>';
  return { email: smtp ? smtpTransport(smtp, from) : null, sms: smsFromEnv(env) };
}

/** The SMS provider SHANMEI_SMS_PROVIDER names (`dev` by default); an unknown one is an error. */
export function smsFromEnv(env: NodeJS.ProcessEnv = process.env): SmsProvider {
  const smsName = env.SHANMEI_SMS_PROVIDER || 'dev';
  const sms = SMS_PROVIDERS[smsName];
  if (!sms) {
    throw new Error(`SHANMEI_SMS_PROVIDER must be one of ${Object.keys(SMS_PROVIDERS).join(', ')}, got "${smsName}"`);
  }
  return sms(env);
}

/**
 * A short, personal-data-free description of a send failure for `outbox.last_error`:
 * SMTP errors quote recipient addresses, so only the code and the status are kept.
 */
export function describeSendError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  const status = typeof e.responseCode === 'number' ? ` ${e.responseCode}` : '';
  return `${code}${status}`.replace(/[^\w .:-]/g, '').slice(0, 60);
}
