import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/use-page-title.js';
import { CorrectionsList } from './corrections-list.js';
import { LateEntryForm } from './late-entry-form.js';
import { RecordsTable } from './records-table.js';
import { useCurrentOrganisation } from './use-organisation.js';

/** Service records of my organisation: confirm in bulk, revoke with a reason, late entries (补录), corrections. */
export function RecordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organiser.records.title'));
  const [org] = useCurrentOrganisation();
  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">{t('organiser.records.title')}</h1>
      {!org ? (
        <Alert type="info" title={t('organiser.pickOrg')} />
      ) : (
        <Tabs
          items={[
            {
              key: 'pending',
              label: t('organiser.records.pending'),
              children: <RecordsTable org={org} status="pending" />,
            },
            { key: 'all', label: t('organiser.records.all'), children: <RecordsTable org={org} /> },
            { key: 'late', label: t('organiser.records.late'), children: <LateEntryForm org={org} /> },
            { key: 'corrections', label: t('organiser.records.corrections'), children: <CorrectionsList org={org} /> },
          ]}
        />
      )}
    </section>
  );
}
