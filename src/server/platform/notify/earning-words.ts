import type { Locale } from '../../../common/enums.js';
import type { EarningBreakdown } from '../../../common/points.js';

/** Hours from minutes, at most two decimals and none when whole: 180 → "3", 90 → "1.5", 50 → "0.83". */
const hours = (minutes: number, locale: Locale): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60);

/**
 * Why points were earned, in the recipient's language, from the stored facts — the same
 * sentence the web says from its i18n keys (`points.earning.*`): "服务 3 小时 × 每小时 10 分
 * = 30 分，首次服务奖励 +20" / "3 h of service × 10 points an hour = 30 points, first-service bonus +20".
 */
export function earningWords(b: EarningBreakdown, locale: Locale): string {
  const zh = locale !== 'en';
  const factors = [
    zh ? `服务 ${hours(b.minutes, locale)} 小时` : `${hours(b.minutes, locale)} h of service`,
    zh ? `每小时 ${b.perHour} 分` : `${b.perHour} points an hour`,
  ];
  if (b.fieldMultiplier !== 1) factors.push(zh ? `领域系数 ${b.fieldMultiplier}` : `field ×${b.fieldMultiplier}`);
  if (b.projectMultiplier !== 1)
    factors.push(zh ? `项目系数 ${b.projectMultiplier}` : `project ×${b.projectMultiplier}`);
  const parts = [`${factors.join(' × ')} = ${b.hourly}${zh ? ' 分' : ' points'}`];
  if (b.perActivity) parts.push(zh ? `每次活动 +${b.perActivity}` : `per activity +${b.perActivity}`);
  if (b.firstService) parts.push(zh ? `首次服务奖励 +${b.firstService}` : `first-service bonus +${b.firstService}`);
  for (const s of b.stars) parts.push(zh ? `达到 ${s.level} 星奖励 +${s.bonus}` : `${s.level}-star bonus +${s.bonus}`);
  let out = parts.join(zh ? '，' : ', ');
  if (b.limitedBy) {
    const why = zh
      ? { day: '每日上限', month: '每月上限', budget: '组织积分预算' }[b.limitedBy]
      : { day: 'the daily cap', month: 'the monthly cap', budget: "the organisation's budget" }[b.limitedBy];
    out += zh ? `；受${why}限制，实得 ${b.points} 分` : `; limited by ${why} to ${b.points} points`;
  }
  return out;
}
