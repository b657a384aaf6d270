import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One choice of a search select. */
export interface SearchOption {
  value: string;
  label: string;
}

interface Props {
  id?: string | undefined;
  value?: string | null | undefined;
  onChange?: ((id: string | undefined) => void) | undefined;
  placeholder: string;
  /** The query key of a search for `q` (from the resource's key factory). */
  queryKey: (q: string) => readonly unknown[];
  /** Asks the server for what matches `q` (empty: the first few). */
  find: (q: string) => Promise<SearchOption[]>;
}

/** A select that asks the server as the admin types (an antd Form control): organisations, sites. */
export function SearchSelect({ id, value, onChange, placeholder, queryKey, find }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // The last answer stays listed while the next search runs: the options do not blank out and
  // come back under the pointer as the admin types.
  const found = useQuery({ queryKey: queryKey(q), queryFn: () => find(q), placeholderData: keepPreviousData });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      onChange={(v?: string) => onChange?.(v)}
      loading={found.isFetching}
      options={found.data ?? []}
      notFoundContent={t('common.none')}
    />
  );
}
