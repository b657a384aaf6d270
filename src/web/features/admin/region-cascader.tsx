import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRegions, regionsByCodes, type Region } from '../../api/regions.api.js';

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
}

const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level === 'community' });

function attach(opts: Option[], code: string, children: Option[]): Option[] {
  return opts.map((o) =>
    o.value === code
      ? { ...o, children, isLeaf: children.length === 0 }
      : o.children
        ? { ...o, children: attach(o.children, code, children) }
        : o,
  );
}

interface Props {
  id?: string;
  value?: string[];
  onChange?: (path: string[]) => void;
  /** Where the tree starts: these regions (a region admin's own) instead of the top level. */
  roots?: readonly string[] | undefined;
}

/**
 * Picks a region at any level, loading the tree as it opens (an antd Form control); with `roots`,
 * only those regions and what lies under them are offered.
 */
export function RegionCascader({ id, value, onChange, roots }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const rootKey = roots?.join(',') ?? '';
  useEffect(() => {
    const codes = rootKey ? rootKey.split(',') : [];
    void (codes.length ? regionsByCodes(codes) : listRegions(null)).then((r) => setOptions(r.items.map(toOption)));
  }, [rootKey]);
  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={value}
      changeOnSelect
      placeholder={t('region.choose')}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      loadData={(path) => {
        const last = path[path.length - 1];
        if (!last) return;
        void listRegions(last.value).then((r) => setOptions((prev) => attach(prev, last.value, r.items.map(toOption))));
      }}
    />
  );
}
