import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditKeys, readAudit, type AuditEntry, type AuditFilters } from '../../api/audit.api.js';
import { useFormat } from '../../components/format.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { CursorTable } from './cursor-table.js';
import { useRegionNames } from './use-region-names.js';

/** Actions the log records, for the filter (an entry of another action still shows, by its code). */
export const AUDIT_ACTIONS = [
  'volunteer.read',
  'volunteer.records_read',
  'volunteer.points_read',
  'volunteer.qualifications_read',
  'volunteer.honours_read',
  'volunteer.list',
  'volunteer.export',
  'volunteer.update',
  'volunteer.register',
  'volunteer.import',
  'membership.invite',
  'membership.apply',
  'membership.accept',
  'membership.decline',
  'membership.end',
  'role.grant',
  'role.revoke',
  'organisation.create',
  'site.create',
  'site.update',
  'points.adjust',
  'honour.record',
  'honour.delete',
  'honour.image',
  'record.confirm',
  'record.revoke',
  'record.late_entry',
  'insurance.export',
  'record.export',
  'export.download',
  'export.full',
  'redemption.reverse',
  'secret.rotate',
  'need.review',
  'need.dispatch',
  'need.cancel',
  'plan.create',
  'plan.update',
  'plan.task.create',
  'plan.task.update',
  'plan.task.progress',
  'plan.funding.create',
  'plan.funding.spend',
  'plan.funding.spend_update',
  'plan.funding.spend_delete',
] as const;

const ENTITY_TYPES = [
  'volunteer',
  'user',
  'organisation',
  'site',
  'activity',
  'shift',
  'service_record',
  'redemption',
  'region',
  'export',
  'platform',
  'need',
  'project',
  'plan',
];

interface Values {
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

/**
 * 审计日志: who did what to whom, over the regions the admin has a duty for (all for a system
 * admin). Every admin read of someone's profile, records, points or qualifications is here.
 */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const { me } = useSession();
  const allowed = !!me?.roles.some((g) => g.role === 'system_admin' || g.role === 'region_admin');
  const [filters, setFilters] = useState<AuditFilters>({});
  const pages = useCursorPages(auditKeys.list(filters), (cursor) => readAudit(filters, cursor), allowed);
  const f = useFormat();
  const regionName = useRegionNames(pages.rows.map((r) => r.regionCode));
  const onFinish = (v: Values) =>
    setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as AuditFilters);
  return (
    <section aria-labelledby="audit-title" className="admin-panel wide">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.lead')}</p>
      {!allowed ? (
        <Alert type="info" showIcon title={t('audit.onlyAdmins')} />
      ) : (
        <>
          <Form<Values> layout="inline" name="audit-filter" onFinish={onFinish} aria-label={t('audit.filter')}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 220 }}
                options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
              />
            </Form.Item>
            <Form.Item name="entityType" label={t('audit.subject')}>
              <Select
                allowClear
                style={{ minWidth: 140 }}
                options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
              />
            </Form.Item>
            <Form.Item name="from" label={t('audit.from')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('audit.to')}>
              <Input type="date" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('audit.apply')}
            </Button>
          </Form>
          <CursorTable<AuditEntry>
            pages={pages}
            empty={t('audit.none')}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', render: (at: string) => f.dateTime(at) },
              {
                title: t('audit.actor'),
                dataIndex: 'actorName',
                render: (name: string | null) => name ?? t('audit.system'),
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (a: string) => t(`audit.actions.${a}`, { defaultValue: a }),
              },
              {
                title: t('audit.subject'),
                key: 'subject',
                render: (_: unknown, e: AuditEntry) => (
                  <>
                    {t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })}{' '}
                    <code className="audit-id">{e.entityId.slice(-8)}</code>
                  </>
                ),
              },
              {
                title: t('audit.region'),
                dataIndex: 'regionCode',
                render: (c: string | null) => (c ? regionName(c) : t('audit.cityWide')),
              },
              {
                title: t('audit.details'),
                dataIndex: 'details',
                render: (d: Record<string, unknown>) => Object.keys(d).join('、'),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
