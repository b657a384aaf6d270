import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../api/stats.api.js';
import { sumOf, useFigureFormat } from '../stats/stats-format.js';

/** The keys of the big screen's headline figures, in the order shown; named as the statistics page names them. */
export const SCREEN_FIGURES = [
  'volunteers',
  'activeVolunteers',
  'teams',
  'sites',
  'sessions',
  'participations',
  'peopleServed',
  'hours',
  'pointsIssued',
  'pointsRedeemed',
] as const;
export type ScreenFigure = (typeof SCREEN_FIGURES)[number];

/** The region's headline figures for the window (teams and sites summed over their levels and types). */
export function ScreenFigures({ s }: { s: StatsOverview }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const raw = (key: ScreenFigure): number => {
    if (key === 'teams') return sumOf(s.teamsByLevel);
    if (key === 'sites') return sumOf(s.sitesByType);
    return s[key];
  };
  const exact = (key: ScreenFigure): string => (key === 'hours' ? f.hours(s.hours) : f.count(raw(key)));
  return (
    <ul className="screen-figures" aria-label={t('screen.figures')}>
      {SCREEN_FIGURES.map((key) => (
        <li key={key} className="screen-figure" data-testid={`screen-figure-${key}`}>
          {/* A city's figures run to nine digits: the wall shows them in 万 and 亿, the exact one on hover and in the statistics. */}
          <span className="screen-figure-value" title={exact(key)}>
            {f.wall(raw(key), exact(key))}
          </span>
          <span className="screen-figure-label">{t(`stats.figures.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}
