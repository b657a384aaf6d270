import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/use-page-title.js';
import { PlanOverviewTable } from './plan-overview-table.js';
import { usePlanYear } from './plan-parts.js';
import './plans.css';

/** The city's table: every department's plans of a year, their tasks, progress and money. */
export function PlanOverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.overview.title'));
  const { year, field } = usePlanYear();
  return (
    <section aria-labelledby="overview-title" className="admin-panel wide plans">
      <h1 id="overview-title">{t('plans.overview.title')}</h1>
      <p>{t('plans.overview.lead')}</p>
      {field}
      <PlanOverviewTable year={year} id="plan-overview" />
    </section>
  );
}
