import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_LIMITS } from '../../../common/contract/activities.js';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { useFieldName } from '../../components/labels.js';
import { PositionPicker } from './position-picker.js';
import { ProjectPicker } from './project-picker.js';

const NO_SITES: never[] = [];

/** `value` once it has stayed the same for a moment: a search asks the server when typing pauses. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** What the activity form edits, on the create page and in the edit drawer. */
export interface ActivityFormValues {
  title?: string;
  field?: string;
  projectId?: string | null;
  description?: string;
  risky?: boolean;
  where: 'site' | 'location';
  siteId?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  requiresApproval?: boolean;
  /** Whom a signed-up volunteer calls; both optional. */
  contactName?: string;
  contactPhone?: string;
}

/** Body fields the form shows under another name: the place's parts each under its own field. */
export const ACTIVITY_RENAME = {
  location: 'address',
  'location.address': 'address',
  'location.lat': 'lat',
  'location.lng': 'lng',
};
export const ACTIVITY_FIELDS = [
  'title',
  'field',
  'projectId',
  'description',
  'risky',
  'siteId',
  'location',
  'location.address',
  'location.lat',
  'location.lng',
  'radiusM',
  'requiresApproval',
  'contactName',
  'contactPhone',
] as const;

/** The place as the API takes it: a site, or an address with its position. */
export function placeOf(v: ActivityFormValues) {
  return v.where === 'site'
    ? { siteId: v.siteId }
    : { location: { address: v.address ?? '', lat: v.lat ?? undefined, lng: v.lng ?? undefined } };
}

/** The contact as the form holds it, trimmed; an emptied part is null (the edit removes it). */
export function contactOf(v: ActivityFormValues): { contactName: string | null; contactPhone: string | null } {
  return { contactName: v.contactName?.trim() || null, contactPhone: v.contactPhone?.trim() || null };
}

/**
 * What, which brand project, whether it is risky, where, radius and approval. With `locked`
 * (a published activity) only the title, description, radius and risky stay editable: the
 * server refuses the rest, and the form says why beside each.
 */
export function ActivityFields({ org, locked = false }: { org: string | null; locked?: boolean }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const where = Form.useWatch<ActivityFormValues['where']>('where');
  const [search, setSearch] = useState('');
  const name = useSettled(search.trim());
  // Any site in the organisation's region (the public 文明实践 sites) and its own, found by name.
  const sites = useQuery({
    queryKey: siteKeys.usableBy(org, name),
    queryFn: () => listSites({ usableBy: org ?? undefined, q: name || undefined, limit: 200 }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
  const nearby = useQuery({
    queryKey: siteKeys.usableBy(org, ''),
    queryFn: () => listSites({ usableBy: org ?? undefined, limit: 200 }),
    enabled: !!org,
  });
  const lockedHint = locked ? t('organiser.form.lockedHint') : undefined;
  return (
    <>
      <Form.Item name="title" label={t('organiser.create.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="field" label={t('activities.field')} required extra={lockedHint}>
        <Select disabled={locked} options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))} />
      </Form.Item>
      <Form.Item
        name="projectId"
        label={t('organiser.form.project')}
        extra={lockedHint ?? t('organiser.form.projectHint')}
      >
        <ProjectPicker disabled={locked} />
      </Form.Item>
      <Form.Item name="description" label={t('organiser.create.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="risky"
        label={t('organiser.form.risky')}
        valuePropName="checked"
        extra={t('organiser.form.riskyHint')}
      >
        <Switch data-testid="risky-switch" />
      </Form.Item>
      <Form.Item name="where" label={t('activities.where')} extra={lockedHint}>
        <Radio.Group
          disabled={locked}
          options={[
            { value: 'location', label: t('organiser.create.byAddress') },
            { value: 'site', label: t('organiser.create.bySite') },
          ]}
        />
      </Form.Item>
      {where === 'site' ? (
        <Form.Item name="siteId" label={t('organiser.create.site')} required>
          <Select
            disabled={locked}
            loading={sites.isFetching}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            onSelect={() => setSearch('')}
            notFoundContent={t('organiser.create.noSites')}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.address}` }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="address" label={t('organiser.create.address')} required>
            <Input disabled={locked} />
          </Form.Item>
          <PositionPicker references={nearby.data?.items ?? NO_SITES} disabled={locked} />
        </>
      )}
      <div className="admin-row">
        <Form.Item name="radiusM" label={t('organiser.create.radius')} required>
          <InputNumber min={ACTIVITY_LIMITS.radiusMinM} max={ACTIVITY_LIMITS.radiusMaxM} />
        </Form.Item>
        <Form.Item
          name="requiresApproval"
          label={t('organiser.create.approval')}
          valuePropName="checked"
          extra={lockedHint}
        >
          <Switch disabled={locked} />
        </Form.Item>
      </div>
      {/* The contact may change at any time, published or not: volunteers who signed up see it. */}
      <fieldset className="activity-contact">
        <legend>{t('organiser.form.contact')}</legend>
        <p className="hint">{t('organiser.form.contactHint')}</p>
        <div className="admin-row">
          <Form.Item name="contactName" label={t('organiser.form.contactName')}>
            <Input maxLength={50} autoComplete="off" data-testid="contact-name" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('organiser.form.contactPhone')}
            extra={t('organiser.form.contactPhoneHint')}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="off" data-testid="contact-phone" />
          </Form.Item>
        </div>
      </fieldset>
    </>
  );
}
