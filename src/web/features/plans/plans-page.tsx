import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreatePlanBody } from '../../../common/contract/plans.js';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { createPlan, listPlans, planKeys, type PlanSummary } from '../../api/plans.api.js';
import { useFieldName } from '../../components/labels.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { CursorTable } from '../admin/cursor-table.js';
import { PlanForm } from './plan-forms.js';
import { ProgressBar, usePlanYear } from './plan-parts.js';
import './plans.css';

/** A department admin writes a new yearly plan for their department. */
function NewPlanForm({ departments, year }: { departments: string[]; year: number }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const navigate = useNavigate();
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return (
    <>
      <h2 id="new-plan-title">{t('plans.new.title')}</h2>
      <PlanForm
        name="new-plan"
        title={t('plans.new.title')}
        submit={t('plans.new.submit')}
        schema={CreatePlanBody}
        fields={['departmentId', 'year', 'title', 'field', 'summary']}
        initialValues={{ year, departmentId: departments[0] }}
        send={createPlan}
        onDone={(p) => void navigate(`/admin/plans/${p.id}`)}
        toBody={(v) => ({
          departmentId: text(v.departmentId) ?? departments[0],
          year: v.year,
          title: text(v.title) ?? '',
          field: text(v.field) ?? '',
          summary: text(v.summary),
        })}
      >
        {departments.length > 1 && (
          <Form.Item name="departmentId" label={t('plans.department')}>
            <Select options={departments.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        )}
        <Form.Item name="year" label={t('plans.year')}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="title" label={t('plans.planTitle')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="field" label={t('plans.field')}>
          <Select options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('plans.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </PlanForm>
    </>
  );
}

/** 专项实施方案: the plans the admin sees — their department's, or their region's part of others'. */
export function PlansPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.title'));
  const { me } = useSession();
  const { year, field: yearField } = usePlanYear();
  const departments = [
    ...new Set((me?.roles ?? []).filter((g) => g.role === 'department_admin').map((g) => g.scopeId)),
  ];
  const pages = useCursorPages(planKeys.list(year), (cursor) => listPlans(year, cursor));
  return (
    <section aria-labelledby="plans-title" className="admin-panel wide plans">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <p>{t('plans.lead')}</p>
      {yearField}
      <CursorTable<PlanSummary>
        pages={pages}
        empty={t('plans.none')}
        columns={[
          {
            title: t('plans.planTitle'),
            dataIndex: 'title',
            render: (title: string, p) => <Link to={`/admin/plans/${p.id}`}>{title}</Link>,
          },
          { title: t('plans.department'), dataIndex: 'departmentName' },
          { title: t('plans.tasks'), dataIndex: 'tasks' },
          { title: t('plans.done'), dataIndex: 'done' },
          { title: t('plans.overdue'), dataIndex: 'overdue' },
          {
            title: t('plans.progress'),
            dataIndex: 'progress',
            render: (r: number, p) => <ProgressBar ratio={r} label={t('plans.progressOf', { name: p.title })} />,
          },
        ]}
      />
      {departments.length > 0 && <NewPlanForm departments={departments} year={year} />}
    </section>
  );
}
