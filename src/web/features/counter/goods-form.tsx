import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateGoodsBody, LIMIT_PERIODS, UpdateGoodsBody } from '../../../common/contract/supermarkets.js';
import { createGoods, supermarketKeys, updateGoods, type Goods } from '../../api/supermarkets.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';

interface Values {
  name?: string;
  points?: number;
  stock?: number;
  limitPerPerson?: number | null;
  limitPeriod?: string | null;
  donor?: string;
  active?: boolean;
}

const FIELDS = ['name', 'points', 'stock', 'limitPerPerson', 'limitPeriod', 'donor'] as const;

/** New goods (with opening stock), or a change to existing goods' price, limits, donor and whether offered. */
export function GoodsForm({ siteId, goods, onDone }: { siteId: string; goods?: Goods; onDone: (g: Goods) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      goods ? updateGoods(siteId, goods.id, body) : createGoods(siteId, body as never),
    onSuccess: (g) => {
      void client.invalidateQueries({ queryKey: supermarketKeys.goods(siteId) });
      form.resetFields();
      setFailure(null);
      onDone(g);
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    const common = {
      name: v.name?.trim(),
      points: v.points,
      limitPerPerson: v.limitPerPerson ?? null,
      limitPeriod: v.limitPerPerson ? (v.limitPeriod ?? 'ever') : null,
      donor: v.donor?.trim() ? v.donor.trim() : null,
    };
    const body = goods ? { ...common, active: v.active } : { ...common, stock: v.stock ?? 0 };
    const { data, errors } = fieldErrors(goods ? UpdateGoodsBody : CreateGoodsBody, body, t);
    if (!data) return showFieldErrors(form, errors);
    save.mutate(data);
  };
  const prefix = goods ? 'edit' : 'new';
  return (
    <Form
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      onFinish={onFinish}
      aria-label={goods ? t('counter.goods.editTitle', { name: goods.name }) : t('counter.goods.create')}
      initialValues={
        goods
          ? {
              name: goods.name,
              points: goods.points,
              limitPerPerson: goods.limitPerPerson,
              limitPeriod: goods.limitPeriod,
              donor: goods.donor ?? '',
              active: goods.active,
            }
          : { stock: 0, limitPeriod: 'ever' }
      }
      name={`goods-${prefix}`}
    >
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form.Item name="name" label={t('counter.goods.name')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <div className="admin-row">
        <Form.Item name="points" label={t('counter.goods.points')} required>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        {!goods && (
          <Form.Item name="stock" label={t('counter.goods.openingStock')} required>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="limitPerPerson" label={t('counter.goods.limitPerPerson')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="limitPeriod" label={t('counter.goods.limitPeriod')}>
          <Select
            style={{ minWidth: 120 }}
            options={LIMIT_PERIODS.map((p) => ({ value: p, label: t(`counter.period.${p}`) }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="donor" label={t('counter.goods.donor')}>
        <Input autoComplete="off" />
      </Form.Item>
      {goods && (
        <Form.Item name="active" label={t('counter.goods.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`goods-${prefix}-submit`}>
        {goods ? t('counter.goods.save') : t('counter.goods.add')}
      </Button>
    </Form>
  );
}
