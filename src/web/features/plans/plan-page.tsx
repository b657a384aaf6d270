import { Alert, Button, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getPlan, planKeys, type Plan } from '../../api/plans.api.js';
import { useFormat } from '../../components/format.js';
import { PhotoThumbs } from '../../components/photo-picker.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AddFundingForm, AddProgressForm, AddSpendingForm, AddTaskForm } from './plan-forms.js';
import { ProgressBar, ScrollRegion, useMoney } from './plan-parts.js';
import { SpendingEntry } from './spending-entry.js';
import './plans.css';

type Task = Plan['keyTasks'][number];

/** One progress update: when, what was done, and its evidence (link, photos). */
function Update({ update }: { update: Task['updates'][number] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <span>{f.dateTime(update.at)}</span>
      {update.note && <span className="plan-note">{update.note}</span>}
      {update.evidenceUrl && (
        <a href={update.evidenceUrl} target="_blank" rel="noreferrer noopener">
          {t('plans.progressUpdate.evidence')}
        </a>
      )}
      {update.photos.length > 0 && (
        <PhotoThumbs photos={update.photos} testId="plan-evidence" label={t('plans.photos.evidenceList')} />
      )}
    </>
  );
}

function TaskRow({ plan, task }: { plan: Plan; task: Task }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const latest = task.updates[0];
  return (
    <tr className={task.overdue ? 'plan-task overdue' : 'plan-task'}>
      <th scope="row">
        {task.title}
        {task.overdue && (
          <Tag color="red" className="plan-flag">
            {t('plans.overdueFlag')}
          </Tag>
        )}
        {task.done && (
          <Tag color="green" className="plan-flag">
            {t('plans.doneFlag')}
          </Tag>
        )}
      </th>
      <td>{task.organisationName}</td>
      <td>
        {task.value} / {task.target} {task.unit}
      </td>
      <td>{task.deadline}</td>
      <td>
        <ProgressBar ratio={task.progress} label={t('plans.progressOf', { name: task.title })} />
      </td>
      <td>
        {latest ? (
          <>
            <Update update={latest} />
            {task.updates.length > 1 && (
              <details className="plan-history">
                <summary>{t('plans.history', { count: task.updates.length - 1 })}</summary>
                <ol>
                  {task.updates.slice(1).map((u) => (
                    <li key={u.id}>
                      <span>
                        {u.value} {task.unit}
                      </span>{' '}
                      <Update update={u} />
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </>
        ) : (
          t('plans.noUpdates')
        )}
      </td>
      {plan.editable && (
        <td>
          <Button onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t('plans.progressUpdate.open', { name: task.title })}
          </Button>
          {open && (
            <AddProgressForm plan={plan} taskId={task.id} taskTitle={task.title} onDone={() => setOpen(false)} />
          )}
        </td>
      )}
    </tr>
  );
}

function FundingTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="plan-funding" className="plan-section">
      <h2 id="plan-funding">{t('plans.funding.title')}</h2>
      <table className="plan-table">
        <caption>{t('plans.funding.caption', { budget: money(plan.budget), spent: money(plan.spent) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.funding.project')}</th>
            <th scope="col">{t('plans.funding.budget')}</th>
            <th scope="col">{t('plans.funding.spent')}</th>
            <th scope="col">{t('plans.funding.entries')}</th>
            <th scope="col">{t('plans.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.funding.length === 0 && (
            <tr>
              <td colSpan={5}>{t('plans.funding.none')}</td>
            </tr>
          )}
          {plan.funding.map((fu) => (
            <tr key={fu.id}>
              <th scope="row">{fu.projectName}</th>
              <td>{money(fu.budget)}</td>
              <td>{money(fu.spent)}</td>
              <td>
                <ul className="plan-entries">
                  {fu.spending.map((s) => (
                    <SpendingEntry key={s.id} plan={plan} fundingId={fu.id} entry={s} />
                  ))}
                </ul>
              </td>
              <td>
                <Button onClick={() => setOpen(open === fu.id ? null : fu.id)} aria-expanded={open === fu.id}>
                  {t('plans.funding.spendOn', { name: fu.projectName })}
                </Button>
                {open === fu.id && (
                  <AddSpendingForm
                    plan={plan}
                    fundingId={fu.id}
                    projectName={fu.projectName}
                    onDone={() => setOpen(null)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddFundingForm plan={plan} />
    </section>
  );
}

/** One plan: its key tasks with their progress, and (for its department) progress updates and funding. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const fieldName = useFieldName();
  const q = useQuery({ queryKey: planKeys.one(id), queryFn: () => getPlan(id) });
  usePageTitle(q.data?.title ?? t('plans.title'));
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  const plan = q.data;
  return (
    <section aria-labelledby="plan-title" className="admin-panel wide plans">
      <p>
        <Link to="/admin/plans">{t('plans.back')}</Link>
      </p>
      <h1 id="plan-title">{plan.title}</h1>
      <p className="plan-meta">
        {plan.departmentName} · {plan.year} · {fieldName(plan.field)}
      </p>
      {plan.summary && <p>{plan.summary}</p>}
      {!plan.editable && <Alert type="info" showIcon title={t('plans.readOnly')} />}
      <p className="plan-total">
        {t('plans.totals', { tasks: plan.tasks, done: plan.done, overdue: plan.overdue })}{' '}
        <ProgressBar ratio={plan.progress} label={t('plans.progressOf', { name: plan.title })} />
      </p>
      <section aria-labelledby="plan-tasks" className="plan-section">
        <h2 id="plan-tasks">{t('plans.task.heading')}</h2>
        <ScrollRegion label={t('plans.task.caption')}>
          <table className="plan-table">
            <caption>{t('plans.task.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.task.title')}</th>
                <th scope="col">{t('plans.task.organisation')}</th>
                <th scope="col">{t('plans.task.reached')}</th>
                <th scope="col">{t('plans.task.deadline')}</th>
                <th scope="col">{t('plans.progress')}</th>
                <th scope="col">{t('plans.task.latest')}</th>
                {plan.editable && <th scope="col">{t('plans.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {plan.keyTasks.length === 0 && (
                <tr>
                  <td colSpan={plan.editable ? 7 : 6}>{t('plans.task.none')}</td>
                </tr>
              )}
              {plan.keyTasks.map((task) => (
                <TaskRow key={task.id} plan={plan} task={task} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {plan.editable && <AddTaskForm plan={plan} />}
      </section>
      {plan.editable && <FundingTable plan={plan} />}
    </section>
  );
}
