import { Alert, Button, Select, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { activityKeys, organisationActivities, type ActivitySummary } from '../../api/activities.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useCurrentOrganisation } from './use-organisation.js';

const STATUS_FILTERS = ['draft', 'published', 'cancelled'] as const;

/** My organisation's activities, drafts included, newest first, with the way to make one. */
export function OrganiserActivitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('organiser.activities.title'));
  const f = useFormat();
  const fieldName = useFieldName();
  const filterId = useId();
  const [org] = useCurrentOrganisation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number] | undefined>();
  const q = useCursorPages(
    activityKeys.ofOrganisationPages(org, status),
    (cursor) => organisationActivities(org ?? '', { status, cursor }),
    !!org,
  );
  return (
    <section aria-labelledby="org-activities-title">
      <h1 id="org-activities-title">{t('organiser.activities.title')}</h1>
      {!org && <Alert type="info" title={t('organiser.pickOrg')} />}
      <div className="admin-row">
        <Button
          type="primary"
          disabled={!org}
          onClick={() => void navigate(`/organiser/activities/new?org=${encodeURIComponent(org ?? '')}`)}
        >
          {t('organiser.activities.new')}
        </Button>
        <label htmlFor={filterId}>{t('organiser.activities.status')}</label>
        <Select
          id={filterId}
          allowClear
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => setStatus(v)}
          placeholder={t('organiser.activities.allStatuses')}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
        />
      </div>
      {q.isError && <Alert type="error" title={t('errors.UNKNOWN')} />}
      <Table<ActivitySummary>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.rows}
        pagination={false}
        columns={[
          {
            title: t('organiser.activities.name'),
            dataIndex: 'title',
            render: (_, a) => <Link to={`/organiser/activities/${a.id}`}>{a.title}</Link>,
          },
          { title: t('activities.field'), dataIndex: 'field', render: (v: string) => fieldName(v) },
          { title: t('activities.when'), key: 'when', render: (_, a) => f.span(a.firstStart, a.lastEnd) },
          {
            title: t('organiser.activities.status'),
            dataIndex: 'status',
            render: (s: ActivitySummary['status']) => (
              <Tag color={s === 'cancelled' ? '#a8071a' : s === 'draft' ? 'default' : '#237804'}>
                {t(`activityStatus.${s}`)}
              </Tag>
            ),
          },
        ]}
      />
      {q.hasNextPage && (
        <Button className="load-more" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('activities.loadMore')}
        </Button>
      )}
    </section>
  );
}
