import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.js';
import { CorrectionsList } from './corrections-list.js';
import { LateEntryForm } from './late-entry-form.js';
import { RecordsFilters, useRecordFilters } from './records-filters.js';
import { RecordsTable } from './records-table.js';
import { useCurrentOrganisation } from './use-organisation.js';

const TABS = ['pending', 'all', 'late', 'corrections'] as const;
type Tab = (typeof TABS)[number];

/**
 * Service records of my organisation: those to confirm and all of them, filtered by status,
 * activity, days and volunteer (the filters and the tab live in the URL) and exported as
 * .xlsx; late entries (补录); corrections.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organiser.records.title'));
  const [org] = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const [filters] = useRecordFilters();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'pending';
  const open = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'pending') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  return (
    <section aria-labelledby="records-title" className="records-page">
      <h1 id="records-title">{t('organiser.records.title')}</h1>
      {!org ? (
        <Alert type="info" title={t('organiser.pickOrg')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={open}
          destroyOnHidden
          items={[
            {
              key: 'pending',
              label: t('organiser.records.pending'),
              children: (
                <>
                  <RecordsFilters org={org} withStatus={false} />
                  <RecordsTable org={org} filters={{ ...filters, status: 'pending' }} />
                </>
              ),
            },
            {
              key: 'all',
              label: t('organiser.records.all'),
              children: (
                <>
                  <RecordsFilters org={org} withStatus />
                  <RecordsTable org={org} filters={filters} />
                </>
              ),
            },
            { key: 'late', label: t('organiser.records.late'), children: <LateEntryForm org={org} /> },
            { key: 'corrections', label: t('organiser.records.corrections'), children: <CorrectionsList org={org} /> },
          ]}
        />
      )}
    </section>
  );
}
