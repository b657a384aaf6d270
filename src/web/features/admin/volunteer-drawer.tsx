import { Button, Drawer, Table, Tabs } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pointKeys, pointStatement, type StatementItem } from '../../api/points.api.js';
import { listRecords, recordKeys, type ServiceRecord } from '../../api/records.api.js';
import type { Volunteer } from '../../api/volunteers.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { earningText } from '../points/earning-text.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { LoadMore } from './admin-load-more.js';
import { useRegionNames } from './use-region-names.js';
import { VolunteerQualifications } from './volunteer-qualifications.js';
import { AdminHonours } from '../honours/admin-honours.js';
import './admin-lists.css';

function VolunteerRecords({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(recordKeys.ofVolunteer(volunteerId), (cursor) => listRecords({ volunteerId, cursor }));
  return (
    <>
      {pages.isError && <ErrorNotice error={pages.error} />}
      <Table<ServiceRecord>
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={pages.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <span className="admin-empty">{t('admin.volunteers.noRecords')}</span> }}
        columns={[
          { title: t('admin.volunteers.date'), dataIndex: 'date' },
          { title: t('admin.volunteers.content'), dataIndex: 'content' },
          { title: t('admin.volunteers.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('admin.volunteers.status'), dataIndex: 'status', render: (s: string) => t(`recordStatus.${s}`) },
          { title: t('admin.volunteers.source'), dataIndex: 'source', render: (s: string) => t(`recordSource.${s}`) },
        ]}
      />
      <LoadMore pages={pages} />
    </>
  );
}

function VolunteerPoints({ volunteerId }: { volunteerId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const pages = useCursorPages(pointKeys.statement(volunteerId), (cursor) => pointStatement(volunteerId, cursor));
  return (
    <>
      {pages.isError && <ErrorNotice error={pages.error} />}
      <Table<StatementItem>
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={pages.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <span className="admin-empty">{t('admin.volunteers.noPoints')}</span> }}
        data-testid="volunteer-statement"
        columns={[
          { title: t('admin.volunteers.when'), dataIndex: 'at', render: (at: string) => f.dateTime(at) },
          { title: t('admin.volunteers.kind'), dataIndex: 'kind', render: (k: string) => t(`points.kind.${k}`) },
          {
            title: t('admin.volunteers.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (n: number) => (n > 0 ? `+${n}` : String(n)),
          },
          { title: t('admin.volunteers.balanceAfter'), dataIndex: 'balanceAfter', align: 'right' },
          {
            title: t('admin.volunteers.memo'),
            dataIndex: 'memo',
            render: (m: string | null, item) =>
              item.earning ? (
                <>
                  {m && <div>{m}</div>}
                  <div data-testid="statement-earning">{earningText(t, i18n.language, item.earning)}</div>
                </>
              ) : (
                (m ?? '—')
              ),
          },
        ]}
      />
      <LoadMore pages={pages} />
    </>
  );
}

/** One volunteer for an admin: masked particulars, service records, points statement and qualifications. */
export function VolunteerDrawer({ volunteer, onClose }: { volunteer: Volunteer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const regionName = useRegionNames([volunteer?.regionCode]);
  const v = volunteer;
  const facts: [string, string | number][] = v
    ? [
        [t('me.volunteerCode'), v.volunteerCode],
        [t(`idType.${v.idType}`), v.idNumber ?? '—'],
        [t('admin.volunteers.phone'), v.phone ?? '—'],
        [t('admin.region'), regionName(v.regionCode)],
        [
          t('admin.volunteers.status'),
          t(`admin.volunteers.statuses.${v.status}`) + (v.minor ? ` · ${t('guardian.minorTag')}` : ''),
        ],
        [t('admin.volunteers.registeredAt'), f.date(v.registeredAt)],
        [t('admin.volunteers.hours'), v.hours],
        [t('admin.volunteers.stars'), v.starLevel],
        [t('points.balance'), v.pointsBalance],
      ]
    : [];
  return (
    <Drawer
      open={!!v}
      onClose={onClose}
      title={v ? t('admin.volunteers.drawerTitle', { name: v.name }) : ''}
      size="large"
      closable={{ 'aria-label': t('admin.volunteers.close') }}
      destroyOnHidden
    >
      {v && (
        <>
          <dl className="volunteer-facts">
            {facts.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
          <div className="admin-row drawer-actions">
            <Button type="primary" onClick={() => void navigate(`/admin/point-adjustments?volunteer=${v.id}`)}>
              {t('admin.volunteers.adjust')}
            </Button>
          </div>
          <Tabs
            items={[
              {
                key: 'records',
                label: t('admin.volunteers.records'),
                children: <VolunteerRecords volunteerId={v.id} />,
              },
              { key: 'points', label: t('admin.volunteers.points'), children: <VolunteerPoints volunteerId={v.id} /> },
              {
                key: 'qualifications',
                label: t('admin.volunteers.qualifications'),
                children: <VolunteerQualifications volunteerId={v.id} />,
              },
              { key: 'honours', label: t('honours.title'), children: <AdminHonours kind="volunteer" id={v.id} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
