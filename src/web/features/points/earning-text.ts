import type { TFunction } from 'i18next';
import type { EarningBreakdown } from '../../../common/points.js';

/**
 * Why an earning is worth its points, in the page's language from `points.earning.*`:
 * "服务 3 小时 × 每小时 10 分 = 30 分，首次服务奖励 +20". Multipliers of 1 are left out;
 * hours show at most two decimals. Imported by the volunteer's statement and the admin's drawer.
 */
export function earningText(t: TFunction, lng: string, b: EarningBreakdown): string {
  const num = new Intl.NumberFormat(lng, { maximumFractionDigits: 2, useGrouping: false });
  const factors = [
    t('points.earning.hours', { hours: num.format(b.minutes / 60) }),
    t('points.earning.perHour', { points: b.perHour }),
  ];
  if (b.fieldMultiplier !== 1) factors.push(t('points.earning.field', { factor: num.format(b.fieldMultiplier) }));
  if (b.projectMultiplier !== 1) factors.push(t('points.earning.project', { factor: num.format(b.projectMultiplier) }));
  const parts = [t('points.earning.equals', { factors: factors.join(' × '), points: b.hourly })];
  if (b.perActivity) parts.push(t('points.earning.perActivity', { points: b.perActivity }));
  if (b.firstService) parts.push(t('points.earning.firstService', { points: b.firstService }));
  for (const s of b.stars) parts.push(t('points.earning.star', { level: s.level, points: s.bonus }));
  const text = parts.join(t('points.earning.separator'));
  if (!b.limitedBy) return text;
  return t('points.earning.limited', { text, by: t(`points.earning.limitedBy.${b.limitedBy}`), points: b.points });
}
