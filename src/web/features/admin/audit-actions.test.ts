import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { AUDIT_ACTIONS } from './audit-page.js';

/** The audit actions the plans and honours modules write, read from their sources. */
const written = Object.values(
  import.meta.glob('../../../server/modules/{plans,honours}/*.ts', { query: '?raw', import: 'default', eager: true }),
)
  .flatMap((text) => [...String(text).matchAll(/\b(?:action: |audited\([^,]+, [^,]+, [^,]+, )'([a-z_.]+)'/g)])
  .map((m) => m[1] ?? '');

describe('the audit log’s action filter', () => {
  it('offers every action the plans and honours modules write', () => {
    expect(written).toEqual(expect.arrayContaining(['plan.create', 'plan.funding.spend_update', 'honour.record']));
    expect([...new Set(written)].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it('names each action in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en' });
    for (const lng of ['en', 'zh-CN']) {
      const t = i18n.getFixedT(lng);
      const missing = AUDIT_ACTIONS.filter((a) => t(`audit.actions.${a}`) === `audit.actions.${a}`);
      expect(missing, lng).toEqual([]);
    }
  });
});
