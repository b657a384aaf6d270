import { existsSync, readFileSync } from 'node:fs';
import { maskPhone } from '../src/common/id-numbers.js';
/** The texts the app sent through the dev SMS provider, read back from its file (numbers masked). */
export class SmsInbox {
    file;
    constructor(file) {
        this.file = file;
    }
    lines() {
        return existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n').filter(Boolean) : [];
    }
    /** Texts sent to numbers masked as `phone` is, oldest first. */
    to(phone) {
        const mark = ` sms to ${maskPhone(phone)}: `;
        return this.lines()
            .filter((l) => l.includes(mark))
            .map((l) => l.slice(l.indexOf(mark) + mark.length));
    }
    /** The code in the newest text to `phone`, or null when the newest text holds none. */
    lastCode(phone) {
        const last = this.to(phone).at(-1);
        return last ? (/验证码 (\d{6})/.exec(last)?.[1] ?? null) : null;
    }
}
let address = 0;
/**
 * Asks the app for a code for `phone` (from an address of its own, away from the per-address
 * limit) and reads it back from the SMS file; null when none was sent (a registered phone asked
 * to register, an unknown one asked to reset) or the request was refused.
 */
export async function smsCode(t, phone, purpose = 'register', headers = {}) {
    const before = t.sms.to(phone).length;
    const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/verification-codes',
        payload: { phone, purpose },
        headers,
        remoteAddress: `10.9.${Math.floor(++address / 250) % 250}.${address % 250}`,
    });
    if (res.statusCode !== 202 || t.sms.to(phone).length === before)
        return null;
    return t.sms.lastCode(phone);
}
//# sourceMappingURL=sms.js.map