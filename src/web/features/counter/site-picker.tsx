import { Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSupermarket, useMySupermarkets } from './use-supermarkets.js';

/** Which supermarket the counter runs: the only one says so; several offer a choice. */
export function SitePicker() {
  const { t } = useTranslation();
  const id = useId();
  const mine = useMySupermarkets();
  const [current, setCurrent] = useCurrentSupermarket();
  if (mine.items.length <= 1) {
    return current ? (
      <p className="counter-site" data-testid="counter-site">
        {t('counter.siteIs', { name: current.name })}
      </p>
    ) : null;
  }
  return (
    <div className="counter-site-picker">
      <label htmlFor={id}>{t('counter.site')}</label>
      <Select
        id={id}
        style={{ minWidth: 280 }}
        value={current?.id}
        onChange={(v: string) => setCurrent(v)}
        showSearch={{ optionFilterProp: 'label' }}
        options={mine.items.map((s) => ({ value: s.id, label: s.name }))}
        notFoundContent={t('common.none')}
        data-testid="counter-site-picker"
      />
    </div>
  );
}
