import { InputNumber } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planKeys, planOverview } from '../../api/plans.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ProgressBar, ScrollRegion, useMoney } from './plan-parts.js';
import './plans.css';

/** The city's table: every department's plans of a year, their tasks, progress and money. */
export function PlanOverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.overview.title'));
  const f = useFormat();
  const money = useMoney();
  const [year, setYear] = useState<number>(Number(f.dayOf(Date.now()).slice(0, 4)));
  const q = useQuery({ queryKey: planKeys.overview(year), queryFn: () => planOverview(year) });
  return (
    <section aria-labelledby="overview-title" className="admin-panel wide plans">
      <h1 id="overview-title">{t('plans.overview.title')}</h1>
      <p>{t('plans.overview.lead')}</p>
      <label className="plan-year">
        {t('plans.year')}{' '}
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
      </label>
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isLoading && <Loading />}
      {q.data && (
        <ScrollRegion label={t('plans.overview.caption', { year })}>
          <table className="plan-table" id="plan-overview">
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
      )}
    </section>
  );
}
