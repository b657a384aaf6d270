import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Volunteer, VolunteerSearch } from '../../api/volunteers.api.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { VolunteerDrawer } from './volunteer-drawer.js';
import { useVolunteerPages, useVolunteerScopes, VolunteerSearchForm, VolunteerTable } from './volunteer-search.js';

/**
 * The volunteer registry (志愿者名册) of the regions a region admin administers (any region for
 * a system admin): masked particulars, searched by name, volunteer code or phone; each page
 * read is audited by the server.
 */
export function VolunteersAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.volunteers.title'));
  const { system, regions, allowed } = useVolunteerScopes();
  // A region admin sees their region straight away; a system admin chooses first (the city is large).
  const [search, setSearch] = useState<VolunteerSearch | null>(
    system || !regions[0] ? null : { regionCode: regions[0] },
  );
  const pages = useVolunteerPages(allowed ? search : null);
  const [open, setOpen] = useState<Volunteer | null>(null);
  return (
    <section aria-labelledby="volunteers-title" className="admin-panel wide">
      <h1 id="volunteers-title">{t('admin.volunteers.title')}</h1>
      <p>{t('admin.volunteers.lead')}</p>
      {!allowed ? (
        <Alert type="info" showIcon title={t('admin.volunteers.onlyAdmins')} />
      ) : (
        <>
          <VolunteerSearchForm onSearch={setSearch} />
          {search && (
            <VolunteerTable
              pages={pages}
              action={(v) => (
                <Button size="small" onClick={() => setOpen(v)}>
                  {t('admin.volunteers.details')} <span className="sr-only">{v.name}</span>
                </Button>
              )}
            />
          )}
        </>
      )}
      <VolunteerDrawer volunteer={open} onClose={() => setOpen(null)} />
    </section>
  );
}
