import { Alert, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSpending, planKeys, type Plan } from '../../api/plans.api.js';
import { errorText } from '../../components/error-text.js';
import { PhotoThumbs } from '../../components/photo-picker.js';
import { EditSpendingForm } from './plan-forms.js';
import { useMoney } from './plan-parts.js';

type Spending = Plan['funding'][number]['spending'][number];

/**
 * One spending entry of a programme: day, amount, note and receipts, with (for the plan's
 * editors) a correction form and a removal that asks first.
 */
export function SpendingEntry({ plan, fundingId, entry }: { plan: Plan; fundingId: string; entry: Spending }) {
  const { t } = useTranslation();
  const money = useMoney();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const what = `${entry.spentOn} ${money(entry.amount)}`;
  const remove = useMutation({
    mutationFn: () => deleteSpending(plan.id, fundingId, entry.id),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }),
  });
  return (
    <li data-testid="plan-spending">
      {entry.spentOn} {money(entry.amount)} {entry.note}
      {entry.photos.length > 0 && (
        <PhotoThumbs photos={entry.photos} testId="plan-receipt" label={t('plans.photos.receiptsList')} />
      )}
      {plan.editable && (
        <Space wrap size="small" className="plan-entry-actions">
          <Button size="small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            {t('plans.funding.correct', { what })}
          </Button>
          <Popconfirm
            title={t('plans.funding.removeConfirm', { what })}
            okText={t('plans.funding.removeOk')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate()}
          >
            <Button size="small" danger loading={remove.isPending}>
              {t('plans.funding.remove', { what })}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {remove.isError && <Alert type="error" showIcon role="alert" title={errorText(remove.error, t)} />}
      {editing && <EditSpendingForm plan={plan} fundingId={fundingId} entry={entry} onDone={() => setEditing(false)} />}
    </li>
  );
}
