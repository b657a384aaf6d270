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
        errors: { UNKNOWN: 'Unknown', DUPLICATE: 'Already exists' },
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
    expect(errorText(null, t, { withMessage: true, keys: () => ['sms.errors.X'] })).toBe('Unknown');
  });

  it("uses the code's general sentence, or unknown for a code without one", () => {
    expect(errorText(dup, t)).toBe('Already exists');
    expect(errorText(new ApiError(502, 'HTTP_502', 'Bad Gateway'), t)).toBe('Unknown');
    expect(errorText(dup, t, { withMessage: true })).toBe('Already exists (phone: taken)');
  });

  it('prefers the first specific sentence that exists, interpolated, and keeps the server words only on the general one', () => {
    const keys = (e: ApiError) => [`sms.errors.${e.code}`, undefined, `register.server.${e.code}.phone`];
    expect(errorText(dup, t, { keys, values: { phone: '139' }, withMessage: true })).toBe('The phone 139 is taken');
    const limited = new ApiError(429, 'RATE_LIMITED', 'slow down');
    expect(errorText(limited, t, { keys, withMessage: true })).toBe('Wait a minute');
    expect(errorText(new ApiError(403, 'FORBIDDEN', 'no'), t, { keys, withMessage: true })).toBe('Unknown (no)');
  });
});
