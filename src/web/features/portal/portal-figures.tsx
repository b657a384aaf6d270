import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getStatsOverview, statsKeys } from '../../api/stats.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { localDate } from '../../../common/zoned-time.js';
import { sumOf, useFigureFormat } from '../stats/stats-format.js';
import '../stats/figures.css';

/** The city's headline figures on the front page (this calendar year), plain HTML: no charts here. */
export function PortalFigures() {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const q = useQuery({ queryKey: statsKeys.portal, queryFn: () => getStatsOverview(), staleTime: 60_000 });
  const s = q.data;
  const figures: [string, string][] = s
    ? [
        ['volunteers', f.count(s.volunteers)],
        ['teams', f.count(sumOf(s.teamsByLevel))],
        ['sites', f.count(sumOf(s.sitesByType))],
        ['hours', f.hours(s.hours)],
        ['sessions', f.count(s.sessions)],
        ['peopleServed', f.count(s.peopleServed)],
      ]
    : [];
  return (
    <section aria-labelledby="figures-title" className="section">
      <h2 id="figures-title">{t('stats.portal.title')}</h2>
      {s && (
        <p className="section-lead">
          {t('stats.portal.lead', { region: s.regionName, year: s.from < s.to ? yearOf(s.from, s.timeZone) : '' })}
        </p>
      )}
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {s && (
        <ul className="stats portal-figures">
          {figures.map(([key, value]) => (
            <li key={key} className="stat" data-testid={`figure-${key}`}>
              <span className="stat-value">{value}</span>
              <span className="stat-label">{t(`stats.figures.${key}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/screen" data-testid="screen-link">
          {t('screen.open')}
        </Link>
      </p>
    </section>
  );
}

/** The local year a window starts in. */
const yearOf = (iso: string, timeZone: string): string => localDate(iso, timeZone).slice(0, 4);
