import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http-client.js';
import { errorText } from './error-text.js';

const i18n = createInstance();
await i18n.init({
  lng: 'en',
  resources: {
    en: {
      translation: {
        errors: {
          UNKNOWN: 'Unknown',
          DUPLICATE: 'Already exists',
          RULE_VIOLATION: 'Against the rules',
          RATE_LIMITED: 'Too many attempts',
          RATE_LIMITED_WAIT: 'Too many attempts: try again in {{wait}}',
          waitSeconds_one: '{{count}} second',
          waitSeconds_other: '{{count}} seconds',
          waitMinutes_one: '{{count}} minute',
          waitMinutes_other: '{{count}} minutes',
          dateLocale: 'en-GB',
          reasons: { before_checkin: 'Not before the check-in at {{at}}', capacity_below_taken: '{{taken}} are taken' },
        },
        sms: { errors: { RATE_LIMITED: 'Wait a minute' } },
        register: { server: { DUPLICATE: { phone: 'The phone {{phone}} is taken' } } },
      },
    },
  },
});
const t = i18n.t;
const dup = new ApiError(409, 'DUPLICATE', 'phone: taken', { phone: '139' });

describe('errorText', () => {
  it('says anything that is not an API answer as unknown, whatever the options', () => {
    expect(errorText(new Error('boom'), t)).toBe('Unknown');
    expect(errorText(null, t, { keys: () => ['sms.errors.X'] })).toBe('Unknown');
  });

  it("uses the code's general sentence, or unknown for a code without one, never the server's English", () => {
    expect(errorText(dup, t)).toBe('Already exists');
    expect(errorText(new ApiError(502, 'HTTP_502', 'Bad Gateway'), t)).toBe('Unknown');
    expect(errorText(new ApiError(403, 'FORBIDDEN', 'no'), t)).toBe('Unknown');
  });

  it("words the server's reason with its details, instants in the platform's zone", () => {
    const early = new ApiError(422, 'RULE_VIOLATION', 'at: before the check-in at …', {
      field: 'at',
      reason: 'before_checkin',
      at: '2026-12-01T01:30:00.000Z',
    });
    expect(errorText(early, t)).toBe('Not before the check-in at 1 Dec, 09:30');
    expect(errorText(early, t, { timeZone: 'UTC' })).toBe('Not before the check-in at 1 Dec, 01:30');
    const full = new ApiError(422, 'RULE_VIOLATION', 'capacity: …', { reason: 'capacity_below_taken', taken: 3 });
    expect(errorText(full, t)).toBe('3 are taken');
    // a reason without a sentence falls back to the code's
    expect(errorText(new ApiError(422, 'RULE_VIOLATION', 'x', { reason: 'nope' }), t)).toBe('Against the rules');
  });

  it('prefers the first specific sentence that exists, interpolated', () => {
    const keys = (e: ApiError) => [`sms.errors.${e.code}`, undefined, `register.server.${e.code}.phone`];
    expect(errorText(dup, t, { keys, values: { phone: '139' } })).toBe('The phone 139 is taken');
    const limited = new ApiError(429, 'RATE_LIMITED', 'slow down');
    expect(errorText(limited, t, { keys })).toBe('Wait a minute');
    expect(errorText(new ApiError(403, 'FORBIDDEN', 'no'), t, { keys })).toBe('Unknown');
  });

  it('says how long to wait when the server sends it (Retry-After in details.retryAfter)', () => {
    const wait = (retryAfter?: number) => new ApiError(429, 'RATE_LIMITED', 'slow down', { retryAfter });
    expect(errorText(wait(1), t)).toBe('Too many attempts: try again in 1 second');
    expect(errorText(wait(40), t)).toBe('Too many attempts: try again in 40 seconds');
    expect(errorText(wait(61), t)).toBe('Too many attempts: try again in 2 minutes');
    expect(errorText(wait(), t)).toBe('Too many attempts');
  });
});
