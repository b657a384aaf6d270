import { useTranslation } from 'react-i18next';
import { HONOUR_LEVELS } from '../../../common/enums.js';
import type { HonourSummary } from '../../api/honours.api.js';
import type { PlanProgressView } from '../../../common/contract/plans.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { Ranking } from './screen-ranking.js';

/** How many departments the plan panel lists (those with the most key tasks). */
export const DEPARTMENTS_SHOWN = 9;

/**
 * The departments' plans of the year (专项行动), city-wide: the ones with the most key tasks, each
 * with its progress (the bar, out of 100%), tasks done of all and how many are overdue.
 */
export function PlanProgressList({ progress }: { progress: PlanProgressView }) {
  const { t, i18n } = useTranslation();
  const f = useFigureFormat();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const rows = progress.items.filter((r) => r.tasks > 0).slice(0, DEPARTMENTS_SHOWN);
  if (rows.length === 0) return <p className="screen-empty">{t('screen.plans.none', { year: progress.year })}</p>;
  return (
    <Ranking
      label={t('screen.plans.label', { year: progress.year })}
      testId="screen-plans"
      className="screen-plans"
      items={rows.map((r) => ({
        key: r.departmentName,
        name: r.departmentName,
        // Out of 1: Ranking scales its bars to at least 1, so each bar is the progress itself.
        value: r.progress,
        shown: t(r.overdue > 0 ? 'screen.plans.figuresOverdue' : 'screen.plans.figures', {
          progress: percent.format(r.progress),
          done: f.count(r.done),
          tasks: f.count(r.tasks),
          overdue: f.count(r.overdue),
        }),
      }))}
    />
  );
}

/** Honours counted by level, 国家级 to 街镇级, in the region shown (every year). */
export function HonourFigures({ summary }: { summary: HonourSummary }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const count = (level: string) => summary.byLevel.find((l) => l.level === level)?.count ?? 0;
  return (
    <ul className="screen-honours" aria-label={t('screen.honours.title')} data-testid="screen-honours">
      {HONOUR_LEVELS.map((level) => (
        <li key={level} data-testid={`screen-honours-${level}`}>
          <span className="screen-figure-value">{f.count(count(level))}</span>
          <span className="screen-figure-label">{t(`honours.level.${level}`)}</span>
        </li>
      ))}
    </ul>
  );
}
