import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { myReports, reportKeys } from '../../api/reports.api.js';
import { useFormat } from '../../components/format.js';
import { LoadMore } from '../../components/load-more.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { ReportStatus } from './report-parts.js';
import './reports.css';

/** /reports: the reports I sent (随手拍), newest first, and the way to send another. */
export function MyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.mine.title'));
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <div className="page narrow reports-page">
      <h1>{t('reports.mine.title')}</h1>
      <p>{t('reports.mine.intro')}</p>
      <p>
        <Link className="button primary" to="/reports/new" data-testid="post-report">
          {t('reports.post.title')}
        </Link>
      </p>
      <MyReportList />
    </div>
  );
}

function MyReportList() {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = useCursorPages(reportKeys.mine, (cursor) => myReports(cursor));
  if (pages.isPending) return <Loading />;
  if (pages.isError) return <ErrorNotice error={pages.error} />;
  if (pages.rows.length === 0) return <p data-testid="reports-empty">{t('reports.mine.none')}</p>;
  return (
    <>
      <ul className="card-list" data-testid="report-list">
        {pages.rows.map((r) => (
          <li key={r.id} className="card" data-testid="report-card">
            <h2>
              <Link to={`/reports/${encodeURIComponent(r.id)}`}>{t(`reports.category.${r.category}`)}</Link>
            </h2>
            <p>
              <ReportStatus report={r} /> · {r.regionName} · {f.dateTime(r.createdAt)}
            </p>
            <p className="report-text">{r.text}</p>
          </li>
        ))}
      </ul>
      <LoadMore query={pages} label={t('reports.more')} />
    </>
  );
}
