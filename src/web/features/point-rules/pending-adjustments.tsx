import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideAdjustment, pendingAdjustments, pointKeys, type PointAdjustment } from '../../api/points.api.js';
import { volunteerKeys } from '../../api/volunteers.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';

type Decision = 'approve' | 'reject';

/**
 * Large adjustments waiting for a second admin: who asked, for whom, how much and why. An
 * admin over the asker's scope (never the asker) approves, which applies it, or rejects it.
 */
export function PendingAdjustments() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const q = useQuery({ queryKey: pointKeys.pendingAdjustments, queryFn: pendingAdjustments });
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const decide = useMutation({
    mutationFn: ({ a, decision }: { a: PointAdjustment; decision: Decision }) => decideAdjustment(a.id, decision),
    onSuccess: (a, { decision }) => {
      const key = decision === 'approve' ? 'pointRules.pending.approved' : 'pointRules.pending.rejected';
      setOutcome({ type: 'success', text: t(key, { amount: a.amount, name: a.volunteerName }) });
      void client.invalidateQueries({ queryKey: pointKeys.pendingAdjustments });
      void client.invalidateQueries({ queryKey: volunteerKeys.one(a.volunteerId) });
    },
    onError: (err) => {
      setOutcome({ type: 'error', text: errorText(err, t) });
      void client.invalidateQueries({ queryKey: pointKeys.pendingAdjustments });
    },
  });
  const items = q.data?.items ?? [];
  const busy = (a: PointAdjustment, d: Decision) =>
    decide.isPending && decide.variables.a.id === a.id && decide.variables.decision === d;
  return (
    <section aria-labelledby="pending-adjustments-title" className="pending-adjustments">
      <h2 id="pending-adjustments-title">{t('pointRules.pending.title')}</h2>
      <p>{t('pointRules.pending.lead')}</p>
      <div role="status">{outcome && <Alert type={outcome.type} showIcon title={outcome.text} />}</div>
      {q.isError && <ErrorNotice error={q.error} />}
      <Table<PointAdjustment>
        rowKey="id"
        loading={q.isPending}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        data-testid="pending-adjustments"
        locale={{ emptyText: <span className="rules-empty">{t('pointRules.pending.none')}</span> }}
        columns={[
          {
            title: t('register.name'),
            key: 'volunteer',
            render: (_, a) => `${a.volunteerName}${a.volunteerCode ? ` (${a.volunteerCode})` : ''}`,
          },
          { title: t('pointRules.adjust.amount'), dataIndex: 'amount', align: 'right' },
          { title: t('pointRules.adjust.reason'), dataIndex: 'reason' },
          {
            title: t('pointRules.pending.askedBy'),
            key: 'asked',
            render: (_, a) => `${a.requestedByName ?? '—'} · ${f.dateTime(a.requestedAt)}`,
          },
          {
            title: t('pointRules.pending.decision'),
            key: 'decide',
            render: (_, a) =>
              a.canDecide ? (
                <Space wrap>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy(a, 'approve')}
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ a, decision: 'approve' })}
                  >
                    {t('pointRules.pending.approve')} <span className="sr-only">{a.volunteerName}</span>
                  </Button>
                  <Button
                    danger
                    size="small"
                    loading={busy(a, 'reject')}
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ a, decision: 'reject' })}
                  >
                    {t('pointRules.pending.reject')} <span className="sr-only">{a.volunteerName}</span>
                  </Button>
                </Space>
              ) : (
                <span className="pending-waiting">{t('pointRules.pending.waiting')}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
