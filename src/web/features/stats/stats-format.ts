import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/i18n.js';

/** Formats figures in the UI language: thousands separators, hours with one decimal place. */
export function useFigureFormat() {
  const { i18n } = useTranslation();
  const locale = isEnglish(i18n.language) ? 'en-GB' : 'zh-CN';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    count: (n: number) => whole.format(n),
    hours: (h: number) => tenths.format(h),
    /** For a wall display: from 100,000 on, compact in the language's units (240.2万, 2.4M). */
    wall: (n: number, exact: string) => (Math.abs(n) >= 100_000 ? compact.format(n) : exact),
  };
}

/** Sum of a record's values (teams by level, sites by type). */
export const sumOf = (counts: Record<string, number>): number => Object.values(counts).reduce((s, n) => s + n, 0);
