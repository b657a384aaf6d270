import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlanOverviewTable, planOverviewXlsxUrl } from '../plans/plan-overview-table.js';
import { usePlanYear } from '../plans/plan-parts.js';

/**
 * The departments' plans on the statistics page (system admins, who see every department's, as
 * GET /plans/overview answers them): a year, the table of progress and money, and its .xlsx.
 */
export function PlanFigures() {
  const { t } = useTranslation();
  const { year, field } = usePlanYear();
  return (
    <section aria-labelledby="stats-plans" className="stats-plans">
      <h2 id="stats-plans">{t('stats.plans.title')}</h2>
      <p>{t('stats.plans.lead')}</p>
      {field}{' '}
      <Button href={planOverviewXlsxUrl(year)} download data-testid="stats-plans-export">
        {t('stats.plans.exportXlsx', { year })}
      </Button>
      <PlanOverviewTable year={year} id="stats-plan-overview" />
    </section>
  );
}
