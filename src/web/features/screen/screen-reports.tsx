import { useTranslation } from 'react-i18next';
import type { ReportStats } from '../../api/reports.api.js';
import { useFigureFormat } from '../stats/stats-format.js';

/** Reports (随手拍) of the region shown: how many, how many handled, still open, and the median handling time. */
export function ReportFigures({ stats }: { stats: ReportStats }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const count = (status: string) => stats.byStatus.find((s) => s.key === status)?.count ?? 0;
  const open = count('unrouted') + count('routed') + count('forwarded');
  const median = stats.handling.medianHours;
  const figures: [string, string][] = [
    ['total', f.count(stats.total)],
    ['handled', f.count(count('handled'))],
    ['open', f.count(open)],
    ['median', median === null ? '—' : t('reports.stats.hours', { hours: median })],
  ];
  return (
    <ul className="screen-reports" aria-label={t('reports.screen.title')} data-testid="screen-reports">
      {figures.map(([key, value]) => (
        <li key={key} data-testid={`screen-reports-${key}`}>
          <span className="screen-figure-value">{value}</span>
          <span className="screen-figure-label">{t(`reports.screen.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}
