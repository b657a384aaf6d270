import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations, organisationKeys } from '../../api/organisations.api.js';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
}

/** Finds an organisation by name (GET /organisations?q=) and answers its id. */
export function OrganisationSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: () => listOrganisations({ q: q || undefined, limit: 20 }),
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={t('admin.organisations.search')}
      onChange={(v?: string) => onChange?.(v)}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      notFoundContent={t('common.none')}
    />
  );
}
