import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdjustmentBody } from '../../../common/contract/points.js';
import { adjustPoints, pointKeys, type Adjustment } from '../../api/points.api.js';
import { getVolunteer, volunteerKeys, type VolunteerSearch } from '../../api/volunteers.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import {
  useVolunteerPages,
  useVolunteerScopes,
  VolunteerSearchForm,
  VolunteerTable,
} from '../admin/volunteer-search.js';
import { newBasketKey, withRetry } from '../counter/redeem-retry.js';
import { PendingAdjustments } from './pending-adjustments.js';
import './point-rules.css';

interface Values {
  amount?: number;
  reason?: string;
}

/** A region or system admin corrects a volunteer's wallet (+ or −) with a reason; it is audited. */
export function AdjustmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('pointRules.adjust.title'));
  const { allowed } = useVolunteerScopes();
  // The chosen volunteer's id is in the URL, so a reload (or the console re-rendering for a new
  // language) keeps them; what was searched for (perhaps a phone) stays in the page only.
  const [params, setParams] = useSearchParams();
  const volunteerId = params.get('volunteer');
  const [search, setSearch] = useState<VolunteerSearch | null>(null);
  const found = useVolunteerPages(allowed && !volunteerId ? search : null);
  const [done, setDone] = useState<Adjustment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choose = (id: string | null) => {
    setDone(null);
    setFailure(null);
    const next = new URLSearchParams(params);
    if (id) next.set('volunteer', id);
    else next.delete('volunteer');
    setParams(next);
  };
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const key = useRef<string | null>(null);
  const v = useQuery({
    queryKey: volunteerKeys.one(volunteerId),
    queryFn: () => getVolunteer(volunteerId ?? ''),
    enabled: !!volunteerId,
  });
  const adjust = useMutation({
    mutationFn: (body: { amount: number; reason: string }) => {
      // One key per submitted form: a repeat after a network failure applies once.
      key.current ??= newBasketKey();
      const idempotencyKey = key.current;
      return withRetry(() => adjustPoints(volunteerId ?? '', { ...body, idempotencyKey }));
    },
    onSuccess: (a) => {
      key.current = null;
      setDone(a);
      setFailure(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: volunteerKeys.one(volunteerId) });
      if (a.status === 'pending') void client.invalidateQueries({ queryKey: pointKeys.pendingAdjustments });
    },
    onError: (err) => {
      key.current = null;
      setFailure(serverError(err, t, form, ['amount', 'reason']));
    },
  });
  const onFinish = (values: Values) => {
    const { data, errors } = fieldErrors(
      AdjustmentBody,
      { amount: values.amount, reason: values.reason?.trim() ?? '', idempotencyKey: 'checked-on-send' },
      t,
    );
    if (!data) return showFieldErrors(form, errors);
    adjust.mutate({ amount: data.amount, reason: data.reason });
  };
  return (
    <section className="admin-panel narrow-panel" aria-labelledby="adjust-title">
      <h1 id="adjust-title">{t('pointRules.adjust.title')}</h1>
      <p>{t('pointRules.adjust.lead')}</p>
      {!allowed && <Alert type="info" showIcon title={t('pointRules.adjust.onlyAdmins')} />}
      {allowed && !volunteerId && (
        <>
          <h2>{t('admin.volunteers.pick')}</h2>
          <VolunteerSearchForm onSearch={setSearch} />
          {search && (
            <VolunteerTable
              pages={found}
              action={(row) => (
                <Button size="small" onClick={() => choose(row.id)}>
                  {t('admin.volunteers.choose')} <span className="sr-only">{row.name}</span>
                </Button>
              )}
            />
          )}
        </>
      )}
      {v.isError && <ErrorNotice error={v.error} />}
      {v.data && (
        <dl className="adjust-volunteer" data-testid="adjust-volunteer">
          <dt>{t('register.name')}</dt>
          <dd>{v.data.name}</dd>
          <dt>{t('me.volunteerCode')}</dt>
          <dd>{v.data.volunteerCode}</dd>
          <dt>{t('points.balance')}</dt>
          <dd data-testid="adjust-balance">{v.data.pointsBalance ?? 0}</dd>
        </dl>
      )}
      {volunteerId && allowed && <Button onClick={() => choose(null)}>{t('admin.volunteers.chooseAnother')}</Button>}
      <div role="status">
        {done && done.status === 'applied' && (
          <Alert
            type="success"
            showIcon
            title={t('pointRules.adjust.done', { amount: done.amount, balance: done.balanceAfter })}
          />
        )}
        {done && done.status !== 'applied' && (
          <Alert
            type="info"
            showIcon
            data-testid="adjust-pending"
            title={t('pointRules.adjust.pending', { amount: done.amount })}
          />
        )}
      </div>
      {failure && <Alert type="error" showIcon title={failure} />}
      {v.data && allowed && (
        <Form
          form={form}
          onValuesChange={clearEditedErrors(form)}
          layout="vertical"
          name="adjust"
          onFinish={onFinish}
          aria-label={t('pointRules.adjust.title')}
        >
          <Form.Item
            name="amount"
            label={t('pointRules.adjust.amount')}
            extra={t('pointRules.adjust.amountHint')}
            required
          >
            <InputNumber precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('pointRules.adjust.reason')} required>
            <Input autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={adjust.isPending} data-testid="adjust-submit">
            {t('pointRules.adjust.submit')}
          </Button>
        </Form>
      )}
      {allowed && <PendingAdjustments />}
    </section>
  );
}
