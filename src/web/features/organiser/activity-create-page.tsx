import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateActivityBody } from '../../../common/contract/activities.js';
import { activityKeys, createActivity } from '../../api/activities.api.js';
import { useFormat, type Format } from '../../components/format.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import {
  ACTIVITY_FIELDS,
  contactOf,
  ACTIVITY_RENAME,
  ActivityFields,
  placeOf,
  type ActivityFormValues,
} from './activity-fields.js';
import { ShiftsEditor } from './shifts-editor.js';
import { useCurrentOrganisation } from './use-organisation.js';

interface Values extends ActivityFormValues {
  weeks?: number | null;
  shifts?: { start?: string; end?: string; capacity?: number | null }[];
}

const FORM_FIELDS = [...ACTIVITY_FIELDS, 'shifts', 'recurrence'] as const;
const RENAME = { ...ACTIVITY_RENAME, recurrence: 'weeks' };

const HOUR = 3_600_000;

/** A first shift for the form: tomorrow on the hour, three hours long, on the platform's clock. */
function firstShift(f: Format) {
  const start = Math.floor((Date.now() + 24 * HOUR) / HOUR) * HOUR;
  return { start: f.toInput(start), end: f.toInput(start + 3 * HOUR), capacity: 10 };
}

/**
 * A new draft activity: what, its brand project, whether it is risky, where (a site or an
 * address with a position), radius, approval, shifts, weekly copies.
 */
export function ActivityCreatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  usePageTitle(t('organiser.create.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const [org] = useCurrentOrganisation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: createActivity,
    onSuccess: (a) => {
      void client.invalidateQueries({ queryKey: activityKeys.organiser });
      void navigate(`/organiser/activities/${a.id}?org=${encodeURIComponent(a.organisationId)}`);
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, RENAME)),
  });

  /** A new activity leaves out what was not given (null is for removing one later). */
  const withoutNulls = (c: ReturnType<typeof contactOf>) => ({
    ...(c.contactName ? { contactName: c.contactName } : {}),
    ...(c.contactPhone ? { contactPhone: c.contactPhone } : {}),
  });

  const onFinish = (v: Values) => {
    const body = {
      organisationId: org ?? '',
      title: v.title ?? '',
      field: v.field ?? '',
      description: v.description ?? '',
      ...(v.projectId ? { projectId: v.projectId } : {}),
      ...placeOf(v),
      radiusM: v.radiusM ?? undefined,
      requiresApproval: !!v.requiresApproval,
      risky: !!v.risky,
      ...withoutNulls(contactOf(v)),
      ...(v.weeks && v.weeks > 1 ? { recurrence: { freq: 'weekly' as const, count: v.weeks } } : {}),
      shifts: (v.shifts ?? []).map((s) => ({
        start: s.start ? f.fromInput(s.start) : '',
        end: s.end ? f.fromInput(s.end) : '',
        capacity: s.capacity ?? undefined,
      })),
    };
    const { data, errors } = fieldErrors(CreateActivityBody, body, t, ['location']);
    if (!data) return showFieldErrors(form, errors, RENAME);
    setFailure(null);
    mutation.mutate(data);
  };

  return (
    <section aria-labelledby="create-title" className="admin-panel wide">
      <h1 id="create-title">{t('organiser.create.title')}</h1>
      {failure && <Alert type="error" role="alert" title={failure} />}
      <Form<Values>
        form={form}
        onValuesChange={clearEditedErrors(form)}
        layout="vertical"
        onFinish={onFinish}
        aria-label={t('organiser.create.title')}
        initialValues={{
          where: 'location',
          radiusM: 200,
          requiresApproval: false,
          risky: false,
          weeks: 1,
          shifts: [firstShift(f)],
        }}
      >
        <ActivityFields org={org} />
        <Form.Item name="weeks" label={t('organiser.create.weeks')} extra={t('organiser.create.weeksHint')}>
          <InputNumber min={1} max={52} />
        </Form.Item>
        <ShiftsEditor />
        <Button type="primary" htmlType="submit" loading={mutation.isPending} className="submit-row">
          {t('organiser.create.submit')}
        </Button>
      </Form>
    </section>
  );
}
