import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateActivityBody } from '../../../common/contract/activities.js';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { createActivity } from '../../api/activities.api.js';
import { listSites } from '../../api/sites.api.js';
import { isoToLocalInput, localInputToIso } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, showFieldErrors } from '../admin/admin-form-errors.js';
import { ShiftsEditor } from './shifts-editor.js';
import { useCurrentOrganisation } from './use-organisation.js';

interface Values {
  title?: string;
  field?: string;
  description?: string;
  where: 'site' | 'location';
  siteId?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  requiresApproval?: boolean;
  weeks?: number | null;
  shifts?: { start?: string; end?: string; capacity?: number | null }[];
}

const FORM_FIELDS = ['title', 'field', 'description', 'siteId', 'location', 'radiusM', 'shifts', 'recurrence'] as const;
const RENAME = { location: 'address', recurrence: 'weeks' };

function firstShift() {
  const start = new Date(Date.now() + 24 * 3600_000);
  start.setMinutes(0, 0, 0);
  return { start: isoToLocalInput(start), end: isoToLocalInput(start.getTime() + 3 * 3600_000), capacity: 10 };
}

/** A new draft activity: what, where (a site or an address with a position), radius, approval, shifts, weekly copies. */
export function ActivityCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('organiser.create.title'));
  const fieldName = useFieldName();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [org] = useCurrentOrganisation();
  const [form] = Form.useForm<Values>();
  const where = Form.useWatch('where', form);
  const [failure, setFailure] = useState<string | null>(null);
  const sites = useQuery({
    queryKey: ['sites', 'of', org],
    queryFn: () => listSites({ organisationId: org ?? undefined, limit: 200 }),
    enabled: !!org,
  });
  const mutation = useMutation({
    mutationFn: createActivity,
    onSuccess: (a) => {
      void client.invalidateQueries({ queryKey: ['organiser', 'activities'] });
      void navigate(`/organiser/activities/${a.id}?org=${encodeURIComponent(a.organisationId)}`);
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, RENAME)),
  });

  const onFinish = (v: Values) => {
    const body = {
      organisationId: org ?? '',
      title: v.title ?? '',
      field: v.field ?? '',
      description: v.description ?? '',
      ...(v.where === 'site'
        ? { siteId: v.siteId }
        : { location: { address: v.address ?? '', lat: v.lat ?? undefined, lng: v.lng ?? undefined } }),
      radiusM: v.radiusM ?? undefined,
      requiresApproval: !!v.requiresApproval,
      ...(v.weeks && v.weeks > 1 ? { recurrence: { freq: 'weekly' as const, count: v.weeks } } : {}),
      shifts: (v.shifts ?? []).map((s) => ({
        start: s.start ? localInputToIso(s.start) : '',
        end: s.end ? localInputToIso(s.end) : '',
        capacity: s.capacity ?? undefined,
      })),
    };
    const { data, errors } = fieldErrors(CreateActivityBody, body, t);
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
        layout="vertical"
        onFinish={onFinish}
        aria-label={t('organiser.create.title')}
        initialValues={{ where: 'location', radiusM: 200, requiresApproval: false, weeks: 1, shifts: [firstShift()] }}
      >
        <Form.Item name="title" label={t('organiser.create.name')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="field" label={t('activities.field')} required>
          <Select options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('organiser.create.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="where" label={t('activities.where')}>
          <Radio.Group
            options={[
              { value: 'location', label: t('organiser.create.byAddress') },
              { value: 'site', label: t('organiser.create.bySite') },
            ]}
          />
        </Form.Item>
        {where === 'site' ? (
          <Form.Item name="siteId" label={t('organiser.create.site')} required>
            <Select
              loading={sites.isFetching}
              notFoundContent={t('organiser.create.noSites')}
              options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="address" label={t('organiser.create.address')} required>
              <Input />
            </Form.Item>
            <div className="admin-row">
              <Form.Item name="lat" label={t('organiser.create.lat')} required>
                <InputNumber min={-90} max={90} step={0.0001} />
              </Form.Item>
              <Form.Item name="lng" label={t('organiser.create.lng')} required>
                <InputNumber min={-180} max={180} step={0.0001} />
              </Form.Item>
            </div>
          </>
        )}
        <div className="admin-row">
          <Form.Item name="radiusM" label={t('organiser.create.radius')} required>
            <InputNumber min={10} max={5000} />
          </Form.Item>
          <Form.Item name="weeks" label={t('organiser.create.weeks')} extra={t('organiser.create.weeksHint')}>
            <InputNumber min={1} max={52} />
          </Form.Item>
          <Form.Item name="requiresApproval" label={t('organiser.create.approval')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <ShiftsEditor />
        <Button type="primary" htmlType="submit" loading={mutation.isPending} className="submit-row">
          {t('organiser.create.submit')}
        </Button>
      </Form>
    </section>
  );
}
