import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { EarningBreakdown } from '../../../common/points.js';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { earningText } from './earning-text.js';

const i18n = createInstance();
await i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

const plain: EarningBreakdown = {
  minutes: 180,
  perHour: 10,
  fieldMultiplier: 1,
  projectMultiplier: 1,
  hourly: 30,
  perActivity: 0,
  firstService: 20,
  stars: [],
  limitedBy: null,
  points: 50,
};
const full: EarningBreakdown = {
  minutes: 90,
  perHour: 10,
  fieldMultiplier: 1.5,
  projectMultiplier: 2,
  hourly: 45,
  perActivity: 5,
  firstService: 0,
  stars: [{ level: 2, bonus: 200 }],
  limitedBy: 'budget',
  points: 12,
};

describe('earningText', () => {
  it('words the formula a volunteer reads, not "3.00h×10×1×1=30"', () => {
    expect(earningText(zh, 'zh-CN', plain)).toBe('服务 3 小时 × 每小时 10 分 = 30 分，首次服务奖励 +20');
    expect(earningText(english, 'en', plain)).toBe(
      '3 h of service × 10 points an hour = 30 points, first-service bonus +20',
    );
  });

  it('names multipliers other than 1, per-activity points, stars and what limited the sum', () => {
    expect(earningText(zh, 'zh-CN', full)).toBe(
      '服务 1.5 小时 × 每小时 10 分 × 领域系数 1.5 × 项目系数 2 = 45 分，每次活动 +5，达到 2 星奖励 +200；受组织积分预算限制，实得 12 分',
    );
    expect(earningText(english, 'en', { ...full, limitedBy: 'month' })).toBe(
      '1.5 h of service × 10 points an hour × field ×1.5 × project ×2 = 45 points, per activity +5, 2-star bonus +200; limited by the monthly cap to 12 points',
    );
  });

  it('shows odd minutes as hours with two decimals at most', () => {
    expect(earningText(english, 'en', { ...plain, minutes: 50, firstService: 0 })).toBe(
      '0.83 h of service × 10 points an hour = 30 points',
    );
  });
});
