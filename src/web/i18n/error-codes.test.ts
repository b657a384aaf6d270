import { describe, expect, it } from 'vitest';
import { ERROR_REASONS } from '../../common/error-reasons.js';
import { ERROR_STATUS, type ErrorCode } from '../../common/errors.js';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every code the API can answer, and the two the client makes itself (no answer; not an API error). */
const CODES: readonly string[] = [...(Object.keys(ERROR_STATUS) as ErrorCode[]), 'NETWORK', 'UNKNOWN'];

const LANGUAGES: Record<string, { errors: Record<string, unknown> }> = { 'zh-CN': zhCN, en };

describe('error texts', () => {
  it.each(Object.keys(LANGUAGES))('say every error code in %s under errors.<CODE>', (lang) => {
    const errors = LANGUAGES[lang]?.errors ?? {};
    const missing = CODES.filter((code) => typeof errors[code] !== 'string' || !String(errors[code]).trim());
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(LANGUAGES))('say every refusal reason in %s under errors.reasons.<reason>', (lang) => {
    const reasons = (LANGUAGES[lang]?.errors.reasons ?? {}) as Record<string, unknown>;
    const missing = ERROR_REASONS.filter((r) => typeof reasons[r] !== 'string' || !String(reasons[r]).trim());
    expect(missing).toEqual([]);
    // and no sentence for a reason the server never sends
    expect(Object.keys(reasons).filter((r) => !(ERROR_REASONS as readonly string[]).includes(r))).toEqual([]);
  });
});
