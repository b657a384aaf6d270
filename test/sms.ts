import { existsSync, readFileSync } from 'node:fs';
import { maskPhone } from '../src/common/id-numbers.js';
import type { VerificationPurpose } from '../src/common/contract/verification.js';

/** The texts the app sent through the dev SMS provider, read back from its file (numbers masked). */
export class SmsInbox {
  constructor(readonly file: string) {}

  lines(): string[] {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n').filter(Boolean) : [];
  }

  /** Texts sent to numbers masked as `phone` is, oldest first. */
  to(phone: string): string[] {
    const mark = ` sms to ${maskPhone(phone)}: `;
    return this.lines()
      .filter((l) => l.includes(mark))
      .map((l) => l.slice(l.indexOf(mark) + mark.length));
  }

  /** The code in the newest text to `phone`, or null when the newest text holds none. */
  lastCode(phone: string): string | null {
    const last = this.to(phone).at(-1);
    return last ? (/验证码 (\d{6})/.exec(last)?.[1] ?? null) : null;
  }
}

interface Injector {
  inject(o: {
    method: 'POST';
    url: string;
    payload: unknown;
    remoteAddress?: string;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number }>;
}

let address = 0;

/**
 * Asks the app for a code for `phone` (from an address of its own, away from the per-address
 * limit) and reads it back from the SMS file; null when none was sent (a registered phone asked
 * to register, an unknown one asked to reset) or the request was refused.
 */
export async function smsCode(
  t: { app: Injector; sms: SmsInbox },
  phone: string,
  purpose: VerificationPurpose = 'register',
  headers: Record<string, string> = {},
): Promise<string | null> {
  const before = t.sms.to(phone).length;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verification-codes',
    payload: { phone, purpose },
    headers,
    remoteAddress: `10.9.${Math.floor(++address / 250) % 250}.${address % 250}`,
  });
  if (res.statusCode !== 202 || t.sms.to(phone).length === before) return null;
  return t.sms.lastCode(phone);
}
