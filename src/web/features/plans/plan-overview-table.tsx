import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { planKeys, planOverview } from '../../api/plans.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { ProgressBar, ScrollRegion, useMoney } from './plan-parts.js';
import './plans.css';

/** Where the overview of a year downloads as .xlsx (system admins). */
export const planOverviewXlsxUrl = (year: number) => `/api/v1/plans/overview.xlsx?year=${year}`;

/**
 * Every department's plans of a year in one table (GET /plans/overview, system admins): plans,
 * key tasks done and overdue, progress, budget and spent. Departments with overdue tasks stand out.
 */
export function PlanOverviewTable({ year, id }: { year: number; id: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const q = useQuery({ queryKey: planKeys.overview(year), queryFn: () => planOverview(year) });
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  return (
    <ScrollRegion label={t('plans.overview.caption', { year })}>
      <table className="plan-table" id={id}>
        <caption>{t('plans.overview.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.department')}</th>
            <th scope="col">{t('plans.overview.plans')}</th>
            <th scope="col">{t('plans.tasks')}</th>
            <th scope="col">{t('plans.done')}</th>
            <th scope="col">{t('plans.overdue')}</th>
            <th scope="col">{t('plans.progress')}</th>
            <th scope="col">{t('plans.funding.budget')}</th>
            <th scope="col">{t('plans.funding.spent')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data.items.map((r) => (
            <tr key={r.departmentId} className={r.overdue > 0 ? 'overdue' : undefined}>
              <th scope="row">{r.departmentName}</th>
              <td>{r.plans}</td>
              <td>{r.tasks}</td>
              <td>{r.done}</td>
              <td>{r.overdue}</td>
              <td>
                <ProgressBar ratio={r.progress} label={t('plans.progressOf', { name: r.departmentName })} />
              </td>
              <td>{money(r.budget)}</td>
              <td>{money(r.spent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
