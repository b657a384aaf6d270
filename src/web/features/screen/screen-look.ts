import type { TFunction } from 'i18next';
import { useCareMode } from '../../components/care-mode.js';
import { isEnglish } from '../../i18n/i18n.js';
import { useScreenScale } from './use-wall-display.js';

/**
 * Colours and sizes of the big screen's charts on its dark background: light text, cyan and
 * gold series; in care mode white text, larger type, thicker lines and no animation. `scale`
 * grows the type with the screen (see useScreenScale).
 */
export function screenLook(care: boolean, scale = 1) {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const fontSize = Math.round((care ? 18 : 13) * scale);
  return {
    text: care ? '#ffffff' : '#c6d6ee',
    axisLine: care ? '#ffffff' : '#5476a8',
    split: care ? 'rgba(255,255,255,0.35)' : 'rgba(120,160,220,0.2)',
    colors: care ? ['#ffe58f', '#8cdcff'] : ['#36cfc9', '#ffc53d'],
    fontSize,
    lineWidth: (care ? 4 : 2) * scale,
    animation: !care && !reduced,
    tooltip: {
      backgroundColor: '#0b1c36',
      borderColor: care ? '#ffffff' : '#3a6bb0',
      textStyle: { color: '#ffffff', fontSize },
    },
  };
}
export type ScreenLook = ReturnType<typeof screenLook>;

/** The locale dates and numbers are written in, for the UI language (as the figures are). */
export const localeOf = (language: string): string => (isEnglish(language) ? 'en-GB' : 'zh-CN');

/** "2026-03" as the short name of its month in the UI language (3月, Mar). */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** The figure the map and the rankings are coloured and ordered by. */
export type Measure = 'hours' | 'participations';
export const MEASURES: readonly Measure[] = ['hours', 'participations'];

/** The measure's name, as the statistics page names it. */
export const measureName = (t: TFunction, m: Measure): string => t(`stats.figures.${m}`);

/** The charts' look for the current care mode and screen size. */
export function useScreenLook(): ScreenLook & { care: boolean; scale: number } {
  const [care] = useCareMode();
  const scale = useScreenScale();
  return { ...screenLook(care, scale), care, scale };
}
