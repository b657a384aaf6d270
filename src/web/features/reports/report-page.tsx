import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { getReport, reportKeys } from '../../api/reports.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { ReportDetails, ReportTimeline } from './report-parts.js';
import './reports.css';

/** /reports/:id: one of my reports, with each step it went through. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me, loading } = useSession();
  const report = useQuery({ queryKey: reportKeys.one(id), queryFn: () => getReport(id), enabled: !!me });
  usePageTitle(report.data ? t(`reports.category.${report.data.category}`) : t('reports.mine.title'));
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <div className="page narrow reports-page">
      <p className="back-link">
        <Link to="/reports">{t('reports.mine.title')}</Link>
      </p>
      {report.isPending && <Loading />}
      {report.isError && <ErrorNotice error={report.error} />}
      {report.data && (
        <>
          <h1>{t(`reports.category.${report.data.category}`)}</h1>
          <ReportDetails report={report.data} />
          <h2>{t('reports.timeline')}</h2>
          <ReportTimeline report={report.data} />
        </>
      )}
    </div>
  );
}
