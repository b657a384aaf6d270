import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_STATUSES } from '../../../common/contract/records.js';
import { activityKeys, organisationActivities } from '../../api/activities.api.js';
import { recordsExportUrl, type RecordFilters, type RecordStatus } from '../../api/records.api.js';
import { useUrlFilters } from '../../components/use-url-filters.js';

/** Each filter's name in the page's URL, so a filtered list can be bookmarked, shared and reloaded. */
const PARAM = { status: 'status', activityId: 'activity', from: 'from', to: 'to', volunteer: 'volunteer' } as const;
const NAMES = Object.values(PARAM);

const isStatus = (s: string): s is RecordStatus => RECORD_STATUSES.includes(s as RecordStatus);

/** The records filters kept in the URL query, and a setter that changes some of them. */
export function useRecordFilters(): [RecordFilters, (patch: RecordFilters) => void] {
  const [values, setValues] = useUrlFilters(NAMES);
  const filters: RecordFilters = {
    status: isStatus(values.status) ? values.status : undefined,
    activityId: values.activity || undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    volunteer: values.volunteer || undefined,
  };
  const set = (patch: RecordFilters) =>
    setValues(
      Object.fromEntries(Object.entries(patch).map(([k, v]) => [PARAM[k as keyof RecordFilters], v as string])),
    );
  return [filters, set];
}

/** A day range is usable when it is open at one end or runs forwards. */
export const rangeIsValid = (f: RecordFilters) => !f.from || !f.to || f.from <= f.to;

/**
 * The filter bar over the records: status (on the all-records tab), activity, service days
 * (local dates) and volunteer name or code; and the .xlsx export of what the filters show.
 */
export function RecordsFilters({ org, withStatus }: { org: string; withStatus: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [filters, setFilters] = useRecordFilters();
  const [who, setWho] = useState(filters.volunteer ?? '');
  const activities = useQuery({
    queryKey: activityKeys.ofOrganisation(org),
    queryFn: () => organisationActivities(org),
  });
  // Typing settles before the list is asked again; the URL follows.
  useEffect(() => {
    const next = who.trim() || undefined;
    if (next === filters.volunteer) return;
    const timer = setTimeout(() => setFilters({ volunteer: next }), 400);
    return () => clearTimeout(timer);
  });
  const shown = withStatus ? filters : { ...filters, status: 'pending' as const };
  const any = Object.values(withStatus ? filters : { ...filters, status: undefined }).some(Boolean);
  return (
    <div className="records-filters" role="group" aria-label={t('organiser.records.filters')}>
      {withStatus && (
        <div className="records-filter">
          <label htmlFor={`${id}-status`}>{t('organiser.activities.status')}</label>
          <Select
            id={`${id}-status`}
            allowClear
            value={filters.status}
            placeholder={t('organiser.records.allStatuses')}
            onChange={(v?: RecordStatus) => setFilters({ status: v })}
            options={RECORD_STATUSES.map((s) => ({ value: s, label: t(`recordStatus.${s}`) }))}
          />
        </div>
      )}
      <div className="records-filter wide">
        <label htmlFor={`${id}-activity`}>{t('organiser.records.activity')}</label>
        <Select
          id={`${id}-activity`}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.activityId}
          loading={activities.isFetching}
          placeholder={t('organiser.records.allActivities')}
          onChange={(v?: string) => setFilters({ activityId: v })}
          options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
        />
      </div>
      <div className="records-filter">
        <label htmlFor={`${id}-from`}>{t('organiser.records.from')}</label>
        <Input
          id={`${id}-from`}
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => setFilters({ from: e.target.value })}
        />
      </div>
      <div className="records-filter">
        <label htmlFor={`${id}-to`}>{t('organiser.records.to')}</label>
        <Input
          id={`${id}-to`}
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          aria-invalid={!rangeIsValid(filters)}
          aria-describedby={rangeIsValid(filters) ? undefined : `${id}-range`}
          onChange={(e) => setFilters({ to: e.target.value })}
        />
      </div>
      <div className="records-filter">
        <label htmlFor={`${id}-who`}>{t('organiser.records.volunteerFilter')}</label>
        <Input
          id={`${id}-who`}
          value={who}
          allowClear
          maxLength={50}
          onChange={(e) => setWho(e.target.value)}
          data-testid="records-volunteer-filter"
        />
      </div>
      <div className="records-filter actions">
        {any && (
          <Button
            onClick={() => {
              setWho('');
              setFilters({
                status: undefined,
                activityId: undefined,
                from: undefined,
                to: undefined,
                volunteer: undefined,
              });
            }}
          >
            {t('organiser.records.clearFilters')}
          </Button>
        )}
        {rangeIsValid(filters) && (
          <Button href={recordsExportUrl(org, shown)} download data-testid="records-export">
            {t('organiser.records.export')}
          </Button>
        )}
      </div>
      {!rangeIsValid(filters) && (
        <p id={`${id}-range`} className="records-range-error" role="alert">
          {t('organiser.records.badRange')}
        </p>
      )}
    </div>
  );
}
