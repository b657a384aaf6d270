import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRegions, type Region } from '../../api/regions.api.js';

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
}

/** Picks a region at any level, loading the tree as it opens (an antd Form control). */
export function RegionCascader({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void listRegions(null).then((r) => setOptions(r.items.map(toOption)));
  }, []);
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
