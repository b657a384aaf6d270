import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { needToActivity, type Need } from '../../api/needs.api.js';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice } from '../../components/status-views.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { teamRegionOf } from './need-steps.js';
import { useNeedStep } from './use-need-step.js';
import { useNeedTypes } from './use-need-types.js';

interface Values {
  organisationId?: string;
  title?: string;
  field?: string;
  siteId?: string;
  start?: string;
  end?: string;
  capacity?: number;
}

/** Check-in radius of the activity a need becomes: a site's yard. */
const RADIUS_M = 300;

/**
 * Turns an accepted need into a draft activity with one shift (POST /needs/:id/activity): the
 * team, the title, the field, the site where volunteers meet (never the resident's address) and
 * the shift's times. The need is dispatched with it; the organiser publishes the draft.
 */
export function NeedActivityStep({ need }: { need: Need }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="need-board-step">
      <h3>{t('needs.activity.title')}</h3>
      {need.activityId ? (
        <p data-testid="need-activity-link">
          <Link to={`/organiser/activities/${encodeURIComponent(need.activityId)}`}>{t('needs.activity.open')}</Link>
        </p>
      ) : (
        <p className="hint">{t('needs.activity.intro')}</p>
      )}
      <Button onClick={() => setOpen(true)} data-testid="need-to-activity">
        {t('needs.activity.make')}
      </Button>
      {open && <NeedActivityDialog need={need} onClose={() => setOpen(false)} />}
    </div>
  );
}

function NeedActivityDialog({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fieldName = useFieldName();
  const { nameOf } = useNeedTypes();
  const [form] = Form.useForm<Values>();
  const org = Form.useWatch('organisationId', form) ?? null;
  const sites = useQuery({
    queryKey: siteKeys.usableBy(org, ''),
    queryFn: () => listSites({ usableBy: org ?? undefined, limit: 200 }),
    enabled: !!org,
  });
  const make = useNeedStep(
    (v: Required<Values>) =>
      needToActivity(need.id, {
        organisationId: v.organisationId,
        title: v.title,
        field: v.field,
        description: need.text,
        siteId: v.siteId,
        radiusM: RADIUS_M,
        shift: { start: f.fromInput(v.start), end: f.fromInput(v.end), capacity: v.capacity },
      }),
    onClose,
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('needs.activity.title')}
      onCancel={onClose}
      okText={t('needs.activity.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: make.isPending, 'data-testid': 'need-activity-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{t('needs.activity.intro')}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        name="need-activity"
        initialValues={{ title: nameOf(need.type), capacity: 2 }}
        onFinish={(v) => make.mutate(v as Required<Values>)}
      >
        <Form.Item name="organisationId" label={t('needs.activity.team')} rules={required}>
          <OrganisationSelect regionCode={teamRegionOf(need.regionCode)} />
        </Form.Item>
        <Form.Item name="title" label={t('organiser.create.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="field" label={t('activities.field')} rules={required}>
          <Select options={DEFAULT_FIELDS.map((x) => ({ value: x.code, label: fieldName(x.code) }))} />
        </Form.Item>
        <Form.Item name="siteId" label={t('needs.activity.site')} rules={required} extra={t('needs.activity.siteHint')}>
          <Select
            disabled={!org}
            loading={sites.isFetching}
            notFoundContent={t('organiser.create.noSites')}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.address}` }))}
          />
        </Form.Item>
        <Form.Item name="start" label={t('needs.activity.start')} rules={required}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="end" label={t('needs.activity.end')} rules={required}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="capacity" label={t('needs.activity.capacity')} rules={required}>
          <InputNumber min={1} max={500} />
        </Form.Item>
      </Form>
      {make.isError && <ErrorNotice error={make.error} />}
    </Modal>
  );
}
