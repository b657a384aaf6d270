import { describe, expect, it } from 'vitest';
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
});
