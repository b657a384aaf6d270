import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEFAULT_TIME_ZONE, localDate } from '../../../common/zoned-time.js';
import { honourKeys, honourSummary } from '../../api/honours.api.js';
import { planKeys, planProgress } from '../../api/plans.api.js';
import { reportStats, reportKeys } from '../../api/reports.api.js';
import { getStatsOverview, getStatsProjects, getStatsToday, statsKeys } from '../../api/stats.api.js';
import { useCareMode } from '../../components/care-mode.js';
import { CareModeSwitch } from '../../components/care-mode-switch.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ScreenClock } from './screen-clock.js';
import { ScreenFigures } from './screen-figures.js';
import { localeOf, MEASURES, measureName, type Measure } from './screen-look.js';
import { DistrictMap } from './screen-map.js';
import { HonourFigures, PlanProgressList } from './screen-plans.js';
import { ProjectRanking } from './screen-projects.js';
import { ReportFigures } from './screen-reports.js';
import { StreetRanking } from './screen-streets.js';
import { TodayPanel } from './screen-today.js';
import { FieldChart, MonthTrend } from './screen-trends.js';
import { useWallDisplay } from './use-wall-display.js';
import './screen.css';

/** The wall display asks again this often. */
const REFRESH_MS = 30_000;
/** How many brand projects it ranks. */
const PROJECTS_SHOWN = 10;

/**
 * The big screen (数据大屏): a full-screen public page for a wall display, 1920×1080, dark, its
 * own frame (no site header). `/screen` shows the top region of the tree (the city) with its
 * districts on a map; `/screen/:regionCode` one region with its streets ranked. Every figure is
 * public and an aggregate; the recent check-ins name a place and an activity, never a person.
 */
export function ScreenPage() {
  const { t, i18n } = useTranslation();
  const { regionCode } = useParams();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const [measure, setMeasure] = useState<Measure>('hours');
  const [care] = useCareMode();
  // Care mode's larger type needs room: the page flows and scrolls, as on a smaller screen.
  const fit = useWallDisplay() && !care;
  const live = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, staleTime: REFRESH_MS } as const;
  const overview = useQuery({
    queryKey: statsKeys.screen(regionCode),
    queryFn: () => getStatsOverview({ regionCode }),
    ...live,
  });
  const projects = useQuery({
    queryKey: statsKeys.screenProjects(regionCode),
    queryFn: () => getStatsProjects({ regionCode, limit: PROJECTS_SHOWN }),
    ...live,
  });
  const today = useQuery({
    queryKey: statsKeys.screenToday(regionCode),
    queryFn: () => getStatsToday({ regionCode }),
    ...live,
  });
  // Departments' plans are the city's (a department is not in a district): the same on every screen.
  const plans = useQuery({ queryKey: planKeys.progress, queryFn: planProgress, ...live });
  const honours = useQuery({
    queryKey: honourKeys.summary(regionCode),
    queryFn: () => honourSummary(regionCode),
    ...live,
  });
  const reports = useQuery({
    queryKey: reportKeys.stats('public', { regionCode }),
    queryFn: () => reportStats('public', { regionCode }),
    ...live,
  });
  const s = overview.data;
  const title = s ? t('screen.title', { region: s.regionName }) : t('screen.titlePlain');
  usePageTitle(title);
  const timeZone = s?.timeZone ?? DEFAULT_TIME_ZONE;
  const clock = new Intl.DateTimeFormat(localeOf(i18n.language), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

  return (
    <div className={fit ? 'screen screen-fit' : 'screen screen-flow'} data-testid="screen">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="screen-header">
        <Link to="/" className="screen-home">
          <span className="brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <h1>{title}</h1>
        <ScreenClock timeZone={timeZone} />
        <div className="screen-tools">
          <LanguageSwitch />
          <CareModeSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="screen-main">
        <div className="screen-status">
          {regionCode && (
            <Link to="/screen" className="screen-back" data-testid="screen-back">
              {t('screen.back')}
            </Link>
          )}
          {s && (
            <p data-testid="screen-scope">
              {t('screen.scope', {
                from: localDate(s.from, timeZone),
                to: localDate(Math.max(Date.parse(s.from), Date.parse(s.to) - 1), timeZone),
              })}
            </p>
          )}
          {s && (
            <p className={overview.isError ? 'screen-stale' : undefined}>
              {overview.isError
                ? t('screen.stale', { time: clock.format(overview.dataUpdatedAt) })
                : t('screen.updated', { time: clock.format(overview.dataUpdatedAt), seconds: REFRESH_MS / 1000 })}
            </p>
          )}
        </div>
        {overview.isPending && <Loading />}
        {overview.isError && !s && <ErrorNotice error={overview.error} />}
        {s && <ScreenFigures s={s} />}
        {s && (
          <div className="screen-body">
            <div className="screen-column">
              <Panel title={t('screen.trend.title')} testId="screen-trend">
                <MonthTrend months={s.byMonth} />
              </Panel>
              <Panel title={t('screen.fields.title')} testId="screen-fields">
                <FieldChart fields={s.byField} />
              </Panel>
              <Panel title={t('screen.projects.title')} testId="screen-projects-panel" className="screen-panel-list">
                {projects.isPending && <Loading />}
                {projects.isError && !projects.data && <ErrorNotice error={projects.error} />}
                {projects.data && <ProjectRanking projects={projects.data} />}
              </Panel>
            </div>
            <Panel
              title={regionCode ? t('screen.streets.title', { region: s.regionName }) : t('screen.map.title')}
              testId="screen-centre"
              className="screen-centre"
              tools={<MeasureSwitch value={measure} onChange={setMeasure} />}
            >
              {regionCode ? (
                <StreetRanking s={s} measure={measure} />
              ) : (
                <DistrictMap regions={s.byRegion} measure={measure} />
              )}
            </Panel>
            <div className="screen-column screen-column-right">
              <Panel title={t('screen.today.title')} testId="screen-today" className="screen-today">
                {today.isPending && <Loading />}
                {today.isError && !today.data && <ErrorNotice error={today.error} />}
                {today.data && <TodayPanel today={today.data} regionName={s.regionName} />}
              </Panel>
              <Panel
                title={t('screen.plans.title')}
                testId="screen-plans-panel"
                tools={plans.data && <Note>{t('screen.plans.scope', { year: plans.data.year })}</Note>}
              >
                {plans.isPending && <Loading />}
                {plans.isError && !plans.data && <ErrorNotice error={plans.error} />}
                {plans.data && <PlanProgressList progress={plans.data} />}
              </Panel>
              <Panel
                title={t('screen.honours.title')}
                testId="screen-honours-panel"
                tools={<Note>{t('screen.honours.scope', { region: s.regionName })}</Note>}
              >
                {honours.isPending && <Loading />}
                {honours.isError && !honours.data && <ErrorNotice error={honours.error} />}
                {honours.data && <HonourFigures summary={honours.data} />}
              </Panel>
              <Panel
                title={t('reports.screen.title')}
                testId="screen-reports-panel"
                tools={<Note>{t('reports.screen.scope', { region: s.regionName })}</Note>}
              >
                {reports.isPending && <Loading />}
                {reports.isError && !reports.data && <ErrorNotice error={reports.error} />}
                {reports.data && <ReportFigures stats={reports.data} />}
              </Panel>
            </div>
          </div>
        )}
      </main>
    </div>
  );
}

interface PanelProps {
  title: string;
  testId: string;
  className?: string;
  /** Controls beside the title. */
  tools?: ReactNode;
  children: ReactNode;
}

/** One framed area of the screen, named by its heading. */
function Panel({ title, testId, className, tools, children }: PanelProps) {
  const id = useId();
  return (
    <section className={`screen-panel ${className ?? ''}`} aria-labelledby={id} data-testid={testId}>
      <div className="screen-panel-head">
        <h2 id={id}>{title}</h2>
        {tools}
      </div>
      <div className="screen-panel-body">{children}</div>
    </section>
  );
}

/** A short line beside a panel's title: what the panel covers. */
function Note({ children }: { children: ReactNode }) {
  return <p className="screen-panel-note">{children}</p>;
}

/** Chooses what colours the map and orders the rankings: hours or participations. */
function MeasureSwitch({ value, onChange }: { value: Measure; onChange: (m: Measure) => void }) {
  const { t } = useTranslation();
  return (
    <div className="screen-measure" role="group" aria-label={t('screen.measure')}>
      {MEASURES.map((m) => (
        <button
          key={m}
          type="button"
          className="tool-button"
          aria-pressed={value === m}
          onClick={() => onChange(m)}
          data-testid={`screen-measure-${m}`}
        >
          {measureName(t, m)}
        </button>
      ))}
    </div>
  );
}
