import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPointRules, pointKeys, type PointRule } from '../../api/points.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useScopeLabel } from '../admin/use-scope-label.js';
import { PointRuleForm } from './point-rule-form.js';
import './point-rules.css';

/** Point rules (积分规则) in the administration console: those in my scopes, newest first, and a new one. */
export function PointRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('pointRules.title'));
  const f = useFormat();
  const fieldName = useFieldName();
  const q = useQuery({ queryKey: pointKeys.rules, queryFn: () => listPointRules() });
  const [created, setCreated] = useState<PointRule | null>(null);
  const rules = q.data?.items ?? [];
  // A rule's organisation scope is a department (部门), said so rather than "组织".
  const scopeLabel = useScopeLabel(created ? [...rules, created] : rules, (s) =>
    t(s.scopeType === 'region' ? 'scopeType.region' : 'pointRules.department'),
  );
  const expiry = (r: PointRule) =>
    r.expiry.mode === 'years'
      ? t('pointRules.expiresYears', { count: r.expiry.years ?? 1 })
      : t('pointRules.expiryFollowingYear');
  const caps = (r: PointRule) =>
    [
      r.dailyCap !== null ? t('pointRules.perDay', { n: r.dailyCap }) : null,
      r.monthlyCap !== null ? t('pointRules.perMonth', { n: r.monthlyCap }) : null,
    ]
      .filter(Boolean)
      .join('，') || '—';
  return (
    <div className="admin-split">
      <section className="admin-panel wide" aria-labelledby="rules-title">
        <h1 id="rules-title">{t('pointRules.title')}</h1>
        <p>{t('pointRules.lead')}</p>
        <div role="status">
          {created && (
            <Alert
              type="success"
              showIcon
              title={t('pointRules.created', { rate: created.pointsPerHour, scope: scopeLabel(created) })}
            />
          )}
        </div>
        {q.isError && <ErrorNotice error={q.error} />}
        <Table<PointRule>
          rowKey="id"
          loading={q.isPending}
          dataSource={rules}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="rules-table"
          locale={{ emptyText: <span className="rules-empty">{t('pointRules.none')}</span> }}
          columns={[
            {
              title: t('pointRules.scope'),
              key: 'scope',
              render: (_, r) => scopeLabel(r),
            },
            { title: t('pointRules.pointsPerHour'), dataIndex: 'pointsPerHour', align: 'right' },
            { title: t('pointRules.pointsPerActivity'), dataIndex: 'pointsPerActivity', align: 'right' },
            {
              title: t('pointRules.sources'),
              key: 'sources',
              render: (_, r) => r.sources.map((s) => <Tag key={s}>{t(`recordSource.${s}`, { defaultValue: s })}</Tag>),
            },
            {
              title: t('pointRules.multipliers'),
              key: 'mult',
              render: (_, r) =>
                Object.entries(r.fieldMultipliers)
                  .map(([k, v]) => `${fieldName(k)} ×${v}`)
                  .join('，') || '—',
            },
            { title: t('pointRules.caps'), key: 'caps', render: (_, r) => caps(r) },
            { title: t('pointRules.expiry'), key: 'expiry', render: (_, r) => expiry(r) },
            { title: t('pointRules.createdAt'), dataIndex: 'createdAt', render: (v: string) => f.date(v) },
          ]}
        />
      </section>
      <section className="admin-panel" aria-labelledby="rule-new-title">
        <h2 id="rule-new-title">{t('pointRules.create')}</h2>
        <PointRuleForm onCreated={setCreated} />
      </section>
    </div>
  );
}
