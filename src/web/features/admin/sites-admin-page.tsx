import { Alert, Select, Table } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_TYPES, type SiteType } from '../../../common/enums.js';
import { listSites, siteKeys, type Site } from '../../api/sites.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SiteForm } from './site-form.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { LoadMore } from './admin-load-more.js';
import { useRegionNames } from './use-region-names.js';

/** Sites (阵地): the list by type, and creation. */
export function SitesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.sites.title'));
  const filterId = useId();
  const [type, setType] = useState<SiteType | undefined>(undefined);
  const [created, setCreated] = useState<string | null>(null);
  // Server pages of 100 with its cursor: a city holds tens of thousands of sites.
  const q = useCursorPages(siteKeys.admin(type), (cursor) => listSites({ type, limit: 100, cursor }));
  const rows = q.rows;
  const regionName = useRegionNames(rows.map((s) => s.regionCode));

  return (
    <section aria-labelledby="sites-admin-title">
      <h1 id="sites-admin-title">{t('admin.sites.title')}</h1>
      <div className="admin-split">
        <div className="admin-panel wide">
          <div className="filter-bar">
            <label htmlFor={filterId}>{t('sites.filterType')}</label>
            <Select<SiteType>
              id={filterId}
              allowClear
              style={{ minWidth: 200 }}
              value={type}
              placeholder={t('sites.allTypes')}
              onChange={(v) => setType(v)}
              options={SITE_TYPES.map((s) => ({ value: s, label: t(`siteType.${s}`) }))}
            />
          </div>
          {q.isError && <ErrorNotice error={q.error} />}
          <Table<Site>
            rowKey="id"
            size="small"
            loading={q.isPending}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('admin.sites.name'), dataIndex: 'name' },
              { title: t('sites.filterType'), dataIndex: 'type', render: (v: string) => t(`siteType.${v}`) },
              { title: t('admin.region'), dataIndex: 'regionCode', render: (c: string) => regionName(c) },
              { title: t('admin.sites.address'), dataIndex: 'address' },
            ]}
          />
          <LoadMore pages={q} />
        </div>
        <div className="admin-panel">
          <h2>{t('admin.sites.create')}</h2>
          {created && <Alert type="success" role="status" title={t('admin.created', { name: created })} showIcon />}
          <SiteForm onCreated={(s) => setCreated(s.name)} />
        </div>
      </div>
    </section>
  );
}
