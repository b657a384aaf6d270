import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getOrganisation, listOrganisations, organisationKeys } from '../../api/organisations.api.js';
import { useCurrentOrganisation, useMyOrganisations } from './use-organisation.js';

/** Which organisation the console shows: my own ones, or (region and system admins) any found by name. */
export function OrgPicker() {
  const { t } = useTranslation();
  const id = useId();
  const mine = useMyOrganisations();
  const [current, setCurrent] = useCurrentOrganisation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: () => listOrganisations({ q: q || undefined, limit: 20 }),
    enabled: mine.wide,
  });
  const currentOrg = useQuery({
    queryKey: organisationKeys.one(current),
    queryFn: () => getOrganisation(current ?? ''),
    enabled: !!current,
  });
  const options = new Map(mine.items.map((o) => [o.id, o.name]));
  for (const o of found.data?.items ?? []) options.set(o.id, o.name);
  if (current && currentOrg.data) options.set(current, currentOrg.data.name);
  if (!mine.wide && mine.items.length === 1) {
    return <p className="org-current">{t('organiser.orgIs', { name: mine.items[0]?.name ?? '' })}</p>;
  }
  return (
    <div className="org-picker">
      <label htmlFor={id}>{t('organiser.org')}</label>
      <Select
        id={id}
        style={{ minWidth: 280 }}
        value={current ?? undefined}
        placeholder={t('organiser.pickOrg')}
        showSearch={mine.wide ? { filterOption: false, onSearch: setQ } : undefined}
        onChange={(v: string) => setCurrent(v)}
        options={[...options].map(([value, label]) => ({ value, label }))}
        notFoundContent={t('common.none')}
        data-testid="org-picker"
      />
    </div>
  );
}
