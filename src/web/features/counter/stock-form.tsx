import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockBody } from '../../../common/contract/supermarkets.js';
import { changeStock, supermarketKeys, type Goods } from '../../api/supermarkets.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';

interface Values {
  direction: 'in' | 'out';
  qty?: number;
  reason?: string;
}

/** Stock in (a donation, a delivery) or out (spoiled, lost), always with a reason. */
export function StockForm({ siteId, goods, onDone }: { siteId: string; goods: Goods; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { delta: number; reason: string }) => changeStock(siteId, goods.id, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: supermarketKeys.goods(siteId) });
      void client.invalidateQueries({ queryKey: supermarketKeys.movements(siteId, goods.id) });
      onDone();
    },
    onError: (err) => setFailure(serverError(err, t, form, ['reason'], { delta: 'qty' })),
  });
  const onFinish = (v: Values) => {
    const qty = v.qty ?? 0;
    const body = { delta: v.direction === 'out' ? -qty : qty, reason: v.reason?.trim() ?? '' };
    const { data, errors } = fieldErrors(StockBody, body, t);
    if (!data) return showFieldErrors(form, errors, { delta: 'qty' });
    save.mutate(data);
  };
  return (
    <Form
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ direction: 'in' }}
      aria-label={t('counter.stock.title', { name: goods.name })}
      name="stock"
    >
      <p>{t('counter.stock.now', { stock: goods.stock ?? 0 })}</p>
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form.Item name="direction" label={t('counter.stock.direction')}>
        <Radio.Group
          options={[
            { value: 'in', label: t('counter.stock.in') },
            { value: 'out', label: t('counter.stock.out') },
          ]}
        />
      </Form.Item>
      <Form.Item name="qty" label={t('counter.stock.qty')} required>
        <InputNumber min={1} precision={0} />
      </Form.Item>
      <Form.Item name="reason" label={t('counter.stock.reason')} extra={t('counter.stock.reasonHint')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="stock-submit">
        {t('counter.stock.save')}
      </Button>
    </Form>
  );
}
