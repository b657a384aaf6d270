import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations, organisationKeys } from '../../api/organisations.api.js';
import {
  getStatsOverview,
  statsExportUrl,
  statsKeys,
  type RegionFigures,
  type StatsOverview,
} from '../../api/stats.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { RegionCascader } from '../admin/region-cascader.js';
import { HonourFigures } from '../honours/honour-figures.js';
import { useSession } from '../auth/use-session.js';
import { ReportStatsSection } from '../reports/report-stats-section.js';
import { PlanFigures } from './plan-figures.js';
import { MonthChart, RegionChart } from './stats-charts.js';
import { localDate } from '../../../common/zoned-time.js';
import { sumOf, useFigureFormat } from './stats-format.js';
import './figures.css';

const dayOf = localDate;

/** Statistics in the admin console: filters, the figures as cards, and charts by month and by region. */
export default function StatsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stats.title'));
  const { me } = useSession();
  // A region admin starts in their own region; anyone else at the top of the tree.
  const ownRegion = me?.roles.find((g) => g.role === 'region_admin')?.scopeId;
  const [path, setPath] = useState<string[]>([]);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const regionCode = path[path.length - 1] ?? ownRegion;
  const query = { regionCode, departmentId, from: from || undefined, to: to || undefined };
  const q = useQuery({
    queryKey: statsKeys.admin(query),
    queryFn: () => getStatsOverview(query),
    placeholderData: keepPreviousData,
  });
  const departments = useQuery({
    queryKey: organisationKeys.departments,
    queryFn: () => listOrganisations({ kind: 'department', limit: 200 }),
  });

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>
      <form className="stats-filters" aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="stats-filter">
          <label htmlFor="stats-region">{t('stats.region')}</label>
          <RegionCascader id="stats-region" value={path} onChange={setPath} />
        </div>
        <div className="stats-filter">
          <label htmlFor="stats-department">{t('stats.department')}</label>
          <Select
            id="stats-department"
            allowClear
            style={{ width: '100%' }}
            value={departmentId}
            placeholder={t('stats.allDepartments')}
            onChange={(v?: string) => setDepartmentId(v)}
            loading={departments.isFetching}
            options={(departments.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            notFoundContent={t('common.none')}
          />
        </div>
        <div>
          <label htmlFor="stats-from">{t('stats.from')}</label>
          <Input id="stats-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="stats-to">{t('stats.to')}</label>
          <Input id="stats-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </form>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && (
        <Button href={statsExportUrl(query)} download data-testid="stats-export">
          {t('stats.exportXlsx')}
        </Button>
      )}
      {q.data && <StatsBody s={q.data} />}
      {q.data && (
        <ReportStatsSection
          source="public"
          filter={{ regionCode, from: q.data.from, to: q.data.to }}
          lead={t('reports.stats.inWindow')}
        />
      )}
      {q.data && <HonourFigures regionCode={regionCode} />}
      {q.data && me?.roles.some((g) => g.role === 'system_admin') && <PlanFigures />}
    </section>
  );
}

function StatsBody({ s }: { s: StatsOverview }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const cards: [string, string, string?][] = [
    ['volunteers', f.count(s.volunteers)],
    ['activeVolunteers', f.count(s.activeVolunteers)],
    [
      'teams',
      f.count(sumOf(s.teamsByLevel)),
      Object.entries(s.teamsByLevel)
        .map(([level, n]) => `${t(`orgLevel.${level}`)} ${f.count(n)}`)
        .join(' · '),
    ],
    ['sites', f.count(sumOf(s.sitesByType))],
    ['sessions', f.count(s.sessions)],
    ['participations', f.count(s.participations)],
    ['peopleServed', f.count(s.peopleServed)],
    ['hours', f.hours(s.hours)],
    ['pointsIssued', f.count(s.pointsIssued)],
    ['pointsRedeemed', f.count(s.pointsRedeemed)],
  ];
  const last = dayOf(Math.max(Date.parse(s.from), Date.parse(s.to) - 1), s.timeZone);
  return (
    <>
      <p data-testid="stats-scope" aria-live="polite">
        {t('stats.scope', { region: s.regionName, from: dayOf(Date.parse(s.from), s.timeZone), to: last })}
      </p>
      <ul className="stats-cards" aria-label={t('stats.figuresLabel')}>
        {cards.map(([key, value, detail]) => (
          <li key={key} className="stats-card" data-testid={`stats-card-${key}`}>
            <span className="stats-card-value">{value}</span>
            <span>{t(`stats.figures.${key}`)}</span>
            {detail && <span className="stats-card-detail">{detail}</span>}
          </li>
        ))}
      </ul>
      <div className="stats-charts">
        <MonthChart months={s.byMonth} />
        <RegionChart regions={regionRows(s, t('stats.atRegionItself', { name: s.regionName }))} />
      </div>
    </>
  );
}

/**
 * The child regions, then what lies at the chosen region itself (an activity placed at a
 * district's own code) when there is any, so the table's rows add up to the cards.
 */
function regionRows(s: StatsOverview, itselfName: string): RegionFigures[] {
  const own = s.atRegionItself;
  const any = own.volunteers || own.teams || own.sites || own.participations || own.sessions || own.pointsRedeemed;
  return any && s.byRegion.length > 0 ? [...s.byRegion, { ...own, name: itselfName }] : s.byRegion;
}
