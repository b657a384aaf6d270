import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateSiteBody } from '../../../common/contract/sites.js';
import { SITE_TYPES, type SiteType } from '../../../common/enums.js';
import { createSite, siteKeys, type Site } from '../../api/sites.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from './admin-form-errors.js';
import { OrganisationSelect } from './organisation-select.js';
import { RegionCascader } from './region-cascader.js';

interface Values {
  name?: string;
  type?: SiteType;
  region?: string[];
  address?: string;
  lat?: number | null;
  lng?: number | null;
  organisationId?: string;
  openingHours?: string;
}

const FORM_FIELDS = ['name', 'type', 'regionCode', 'address', 'lat', 'lng', 'organisationId', 'openingHours'] as const;
const RENAME = { regionCode: 'region' };

/** Creates a site (阵地), checked by the shared contract first. */
export function SiteForm({ onCreated }: { onCreated: (s: Site) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: createSite,
    onSuccess: (s) => {
      form.resetFields();
      setFailure(null);
      void client.invalidateQueries({ queryKey: siteKeys.lists });
      onCreated(s);
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, RENAME)),
  });

  const onFinish = (v: Values) => {
    const body = {
      name: v.name ?? '',
      type: v.type,
      regionCode: v.region?.[v.region.length - 1] ?? '',
      address: v.address ?? '',
      lat: v.lat ?? undefined,
      lng: v.lng ?? undefined,
      organisationId: v.organisationId || undefined,
      openingHours: v.openingHours || undefined,
    };
    const { data, errors } = fieldErrors(CreateSiteBody, body, t);
    if (!data) return showFieldErrors(form, errors, RENAME);
    mutation.mutate(data);
  };

  return (
    <Form
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      onFinish={onFinish}
      aria-label={t('admin.sites.create')}
    >
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form.Item name="name" label={t('admin.sites.name')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="type" label={t('sites.filterType')} required>
        <Select options={SITE_TYPES.map((s) => ({ value: s, label: t(`siteType.${s}`) }))} />
      </Form.Item>
      <Form.Item name="region" label={t('admin.region')} required>
        <RegionCascader />
      </Form.Item>
      <Form.Item name="address" label={t('admin.sites.address')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <div className="admin-row">
        <Form.Item name="lat" label={t('admin.sites.lat')} required>
          <InputNumber min={-90} max={90} step={0.000001} />
        </Form.Item>
        <Form.Item name="lng" label={t('admin.sites.lng')} required>
          <InputNumber min={-180} max={180} step={0.000001} />
        </Form.Item>
      </div>
      <Form.Item name="organisationId" label={t('admin.sites.organisation')}>
        <OrganisationSelect />
      </Form.Item>
      <Form.Item name="openingHours" label={t('admin.sites.openingHours')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.create')}
      </Button>
    </Form>
  );
}
