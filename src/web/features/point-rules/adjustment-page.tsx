import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdjustmentBody } from '../../../common/contract/points.js';
import { adjustPoints, type Adjustment } from '../../api/points.api.js';
import { getVolunteer } from '../../api/volunteers.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, showFieldErrors } from '../admin/admin-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { newBasketKey, withRetry } from '../counter/redeem-retry.js';
import './point-rules.css';

interface Values {
  amount?: number;
  reason?: string;
}

/** A region or system admin corrects a volunteer's wallet (+ or −) with a reason; it is audited. */
export function AdjustmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('pointRules.adjust.title'));
  const { me } = useSession();
  const allowed = !!me?.roles.some((g) => g.role === 'region_admin' || g.role === 'system_admin');
  // The volunteer is in the URL, so a reload (or the console re-rendering for a new language) keeps them.
  const [params, setParams] = useSearchParams();
  const volunteerId = params.get('volunteer');
  const [idText, setIdText] = useState(volunteerId ?? '');
  const [done, setDone] = useState<Adjustment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const key = useRef<string | null>(null);
  const v = useQuery({
    queryKey: ['volunteer', volunteerId],
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
      void client.invalidateQueries({ queryKey: ['volunteer', volunteerId] });
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
      <form
        className="admin-row"
        aria-label={t('pointRules.adjust.find')}
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          const next = new URLSearchParams(params);
          if (idText.trim()) next.set('volunteer', idText.trim());
          else next.delete('volunteer');
          setParams(next);
        }}
      >
        <label htmlFor="adjust-volunteer-id" className="sr-only">
          {t('pointRules.adjust.volunteerId')}
        </label>
        <Input
          id="adjust-volunteer-id"
          value={idText}
          onChange={(e) => setIdText(e.target.value)}
          placeholder={t('pointRules.adjust.volunteerId')}
          autoComplete="off"
          style={{ maxWidth: 360 }}
        />
        <Button htmlType="submit">{t('pointRules.adjust.find')}</Button>
      </form>
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
      <div role="status">
        {done && (
          <Alert
            type="success"
            showIcon
            title={t('pointRules.adjust.done', { amount: done.amount, balance: done.balanceAfter })}
          />
        )}
      </div>
      {failure && <Alert type="error" showIcon title={failure} />}
      {v.data && allowed && (
        <Form form={form} layout="vertical" name="adjust" onFinish={onFinish} aria-label={t('pointRules.adjust.title')}>
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
    </section>
  );
}
