import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  AddFundingBody,
  AddProgressBody,
  AddSpendingBody,
  CreateTaskBody,
  PatchSpendingBody,
} from '../../../common/contract/plans.js';
import {
  addFunding,
  addProgress,
  addSpending,
  addTask,
  patchSpending,
  planKeys,
  uploadPlanPhoto,
  type Plan,
} from '../../api/plans.api.js';
import type { Photo } from '../../../common/contract/files.js';
import { PhotoPicker } from '../../components/photo-picker.js';
import { listProjects, projectKeys } from '../../api/projects.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { clearEditedErrors, serverError, showFieldErrors } from '../admin/admin-form-errors.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { toFen } from './plan-parts.js';

type Values = Record<string, unknown>;

/**
 * One small form of a plan: checked by the contract schema first, sent, and the plan shown
 * again from the answer. `toBody` turns the form's values into the request body.
 */
export function PlanForm<S extends z.ZodType>(p: {
  name: string;
  title: string;
  submit: string;
  schema: S;
  fields: readonly string[];
  toBody: (v: Values) => unknown;
  send: (body: z.infer<S>) => Promise<Plan>;
  initialValues?: Values;
  onDone?: (plan: Plan) => void;
  /** While photos upload, the form is not sent. */
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: p.send,
    onSuccess: (plan) => {
      form.resetFields();
      setFailure(null);
      client.setQueryData(planKeys.one(plan.id), plan);
      void client.invalidateQueries({ queryKey: planKeys.all });
      p.onDone?.(plan);
    },
    onError: (err) => setFailure(serverError(err, t, form, p.fields)),
  });
  const onFinish = (v: Values) => {
    const { data, errors } = fieldErrors(p.schema, p.toBody(v), t);
    if (!data) return showFieldErrors(form, errors);
    mutation.mutate(data);
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={p.name}
      className="plan-form"
      aria-label={p.title}
      initialValues={p.initialValues}
      onFinish={onFinish}
      onValuesChange={clearEditedErrors(form, () => setFailure(null))}
    >
      {p.children}
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={p.busy}>
        {p.submit}
      </Button>
    </Form>
  );
}

/**
 * Photos picked for a form: the picker, and the ids to send. A new entry leaves an empty list
 * out of the body; a correction (`initial` given) always sends the whole list, empty or not.
 */
function usePlanPhotos(plan: Plan, label: string, testId: string, initial?: readonly Photo[]) {
  const [ids, setIds] = useState<string[]>(() => (initial ?? []).map((p) => p.id));
  const [busy, setBusy] = useState(false);
  const picker = (
    <PhotoPicker
      label={label}
      upload={(file) => uploadPlanPhoto(plan.id, file)}
      onChange={setIds}
      onBusy={setBusy}
      testId={testId}
      {...(initial ? { initial } : {})}
    />
  );
  return { picker, busy, photoIds: initial || ids.length > 0 ? ids : undefined };
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function AddTaskForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <PlanForm
      name="add-task"
      title={t('plans.task.add')}
      submit={t('plans.task.add')}
      schema={CreateTaskBody}
      fields={['title', 'organisationId', 'target', 'unit', 'deadline']}
      send={(b) => addTask(plan.id, b)}
      toBody={(v) => ({
        title: str(v.title) ?? '',
        organisationId: str(v.organisationId) ?? '',
        target: num(v.target),
        unit: str(v.unit) ?? '',
        deadline: str(v.deadline) ?? '',
      })}
    >
      <Form.Item name="title" label={t('plans.task.title')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="organisationId" label={t('plans.task.organisation')}>
        <OrganisationSelect under={plan.departmentId} />
      </Form.Item>
      <Form.Item name="target" label={t('plans.task.target')}>
        <InputNumber min={1} precision={0} />
      </Form.Item>
      <Form.Item name="unit" label={t('plans.task.unit')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="deadline" label={t('plans.task.deadline')}>
        <Input type="date" min={`${plan.year}-01-01`} max={`${plan.year}-12-31`} />
      </Form.Item>
    </PlanForm>
  );
}

export function AddProgressForm(p: { plan: Plan; taskId: string; taskTitle: string; onDone: () => void }) {
  const { plan, taskId, onDone } = p;
  const { t } = useTranslation();
  const photos = usePlanPhotos(plan, t('plans.photos.evidence'), 'plan-evidence');
  return (
    <PlanForm
      name={`progress-${taskId}`}
      busy={photos.busy}
      title={t('plans.progressUpdate.open', { name: p.taskTitle })}
      submit={t('plans.progressUpdate.submit')}
      schema={AddProgressBody}
      fields={['value', 'note', 'evidenceUrl', 'photoIds']}
      onDone={() => onDone()}
      send={(b) => addProgress(plan.id, taskId, b)}
      toBody={(v) => ({
        value: num(v.value),
        note: str(v.note),
        evidenceUrl: str(v.evidenceUrl),
        photoIds: photos.photoIds,
      })}
    >
      <Form.Item name="value" label={t('plans.progressUpdate.value')}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item name="note" label={t('plans.progressUpdate.note')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="evidenceUrl" label={t('plans.progressUpdate.evidenceUrl')}>
        <Input type="url" maxLength={500} />
      </Form.Item>
      {photos.picker}
    </PlanForm>
  );
}

export function AddFundingForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const projects = useQuery({
    queryKey: [...projectKeys.all, plan.departmentId],
    queryFn: () => listProjects({ departmentId: plan.departmentId, limit: 200 }),
  });
  return (
    <PlanForm
      name="add-funding"
      title={t('plans.funding.add')}
      submit={t('plans.funding.add')}
      schema={AddFundingBody}
      fields={['projectId', 'budget', 'note']}
      send={(b) => addFunding(plan.id, b)}
      toBody={(v) => ({ projectId: str(v.projectId) ?? '', budget: toFen(num(v.budget)), note: str(v.note) })}
    >
      <Form.Item name="projectId" label={t('plans.funding.project')}>
        <Select
          loading={projects.isLoading}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="budget" label={t('plans.funding.budgetYuan')}>
        <InputNumber min={0} precision={2} />
      </Form.Item>
    </PlanForm>
  );
}

export function AddSpendingForm(p: { plan: Plan; fundingId: string; projectName: string; onDone: () => void }) {
  const { plan, fundingId, onDone } = p;
  const { t } = useTranslation();
  const photos = usePlanPhotos(plan, t('plans.photos.receipts'), 'plan-receipt');
  return (
    <PlanForm
      name={`spending-${fundingId}`}
      busy={photos.busy}
      title={t('plans.funding.spendOn', { name: p.projectName })}
      submit={t('plans.funding.spend')}
      schema={AddSpendingBody}
      fields={['amount', 'spentOn', 'note', 'photoIds']}
      onDone={() => onDone()}
      send={(b) => addSpending(plan.id, fundingId, b)}
      toBody={(v) => ({
        amount: toFen(num(v.amount)),
        spentOn: str(v.spentOn) ?? '',
        note: str(v.note),
        photoIds: photos.photoIds,
      })}
    >
      <SpendingFields year={plan.year} />
      {photos.picker}
    </PlanForm>
  );
}

/** The fields of a spending entry, new or corrected. */
function SpendingFields({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="amount" label={t('plans.funding.amountYuan')}>
        <InputNumber min={0.01} precision={2} />
      </Form.Item>
      <Form.Item name="spentOn" label={t('plans.funding.spentOn')}>
        <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
      </Form.Item>
      <Form.Item name="note" label={t('plans.funding.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

type Spending = Plan['funding'][number]['spending'][number];

/** Corrects a spending entry: its amount, day, note and receipts, starting from what was entered. */
export function EditSpendingForm(p: { plan: Plan; fundingId: string; entry: Spending; onDone: () => void }) {
  const { plan, fundingId, entry, onDone } = p;
  const { t } = useTranslation();
  const photos = usePlanPhotos(plan, t('plans.photos.receiptsEdit'), 'plan-receipt-edit', entry.photos);
  return (
    <PlanForm
      name={`spending-edit-${entry.id}`}
      busy={photos.busy}
      title={t('plans.funding.correctTitle', { day: entry.spentOn })}
      submit={t('plans.funding.correctSubmit')}
      schema={PatchSpendingBody}
      fields={['amount', 'spentOn', 'note', 'photoIds']}
      initialValues={{ amount: entry.amount / 100, spentOn: entry.spentOn, note: entry.note ?? '' }}
      onDone={() => onDone()}
      send={(b) => patchSpending(plan.id, fundingId, entry.id, b)}
      toBody={(v) => ({
        amount: toFen(num(v.amount)),
        spentOn: str(v.spentOn) ?? '',
        note: str(v.note) ?? null,
        photoIds: photos.photoIds,
      })}
    >
      <SpendingFields year={plan.year} />
      {photos.picker}
    </PlanForm>
  );
}
