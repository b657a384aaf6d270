import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateSiteBody } from '../../../common/contract/sites.js';
import { siteKeys, updateSite, type Site, type SitePatch } from '../../api/sites.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';

interface Values {
  openingHours: string;
  facilities: string[];
  accessibility: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

const FIELDS = ['openingHours', 'facilities', 'accessibility', 'address', 'lat', 'lng'] as const;

const valuesOf = (s: Site): Values => ({
  openingHours: s.openingHours ?? '',
  facilities: s.facilities,
  accessibility: s.accessibility ?? '',
  address: s.address,
  lat: s.lat,
  lng: s.lng,
});

/** Only what differs from the site as loaded: the audit log then names exactly what changed. */
function changes(site: Site, v: Values): SitePatch {
  const text = (x: string | undefined) => (x?.trim() ? x.trim() : null);
  const patch: SitePatch = {};
  if (text(v.openingHours) !== site.openingHours) patch.openingHours = text(v.openingHours);
  if (JSON.stringify(v.facilities ?? []) !== JSON.stringify(site.facilities)) patch.facilities = v.facilities ?? [];
  if (text(v.accessibility) !== site.accessibility) patch.accessibility = text(v.accessibility);
  if ((v.address ?? '').trim() !== site.address) patch.address = v.address ?? '';
  if (v.lat !== site.lat || v.lng !== site.lng) {
    patch.lat = v.lat ?? undefined;
    patch.lng = v.lng ?? undefined;
  }
  return patch;
}

/** My site's opening hours, facilities, accessibility notes, address and position. */
export function SiteDetailsForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: SitePatch) => updateSite(site.id, body),
    onSuccess: (s) => {
      client.setQueryData(siteKeys.one(s.id), s);
      void client.invalidateQueries({ queryKey: siteKeys.lists });
      form.setFieldsValue(valuesOf(s));
      setFailure(null);
      setSaved('saved');
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    setSaved(null);
    const patch = changes(site, v);
    if (Object.keys(patch).length === 0) return setSaved('unchanged');
    const { data, errors } = fieldErrors(UpdateSiteBody, patch, t);
    if (!data) return showFieldErrors(form, errors);
    save.mutate(patch);
  };
  return (
    <section className="admin-panel site-details-panel" aria-labelledby="site-details-title">
      <h2 id="site-details-title">{t('siteManager.details.title')}</h2>
      <p className="site-manager-lead">{t('siteManager.details.lead')}</p>
      <Form
        form={form}
        layout="vertical"
        name="site-details"
        initialValues={valuesOf(site)}
        onFinish={onFinish}
        onValuesChange={clearEditedErrors(form, () => setSaved(null))}
      >
        {failure && <Alert type="error" title={failure} showIcon />}
        <Form.Item name="openingHours" label={t('sites.openingHours')} extra={t('siteManager.details.hoursHint')}>
          <Input autoComplete="off" maxLength={200} data-testid="site-opening-hours" />
        </Form.Item>
        <Form.Item name="facilities" label={t('sites.facilities')} extra={t('siteManager.details.facilitiesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="accessibility" label={t('sites.accessibility')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="address" label={t('siteManager.details.address')} required>
          <Input autoComplete="off" />
        </Form.Item>
        <div className="admin-row">
          <Form.Item name="lat" label={t('siteManager.details.lat')} required>
            <InputNumber min={-90} max={90} step={0.0001} precision={6} />
          </Form.Item>
          <Form.Item name="lng" label={t('siteManager.details.lng')} required>
            <InputNumber min={-180} max={180} step={0.0001} precision={6} />
          </Form.Item>
        </div>
        <div className="site-manager-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="site-save">
            {t('common.save')}
          </Button>
          <span role="status" data-testid="site-save-status">
            {saved && t(`siteManager.details.${saved}`)}
          </span>
        </div>
      </Form>
    </section>
  );
}
