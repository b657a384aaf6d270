import { InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { REDEMPTION_QTY_MAX } from '../../../common/contract/supermarkets.js';
import type { Goods } from '../../api/supermarkets.api.js';

export type Basket = Record<string, number>;

/** Points the basket costs at the catalogue's prices. */
export const basketTotal = (goods: readonly Goods[], basket: Basket): number =>
  goods.reduce((n, g) => n + g.points * (basket[g.id] ?? 0), 0);

/** The basket as the redemption's items, each goods once. */
export const basketItems = (basket: Basket) =>
  Object.entries(basket)
    .filter(([, qty]) => qty > 0)
    .map(([goodsId, qty]) => ({ goodsId, qty }));

/** The catalogue with a quantity field per goods: Tab from one to the next, type a number. */
export function BasketTable({
  goods,
  basket,
  onChange,
  locked = false,
}: {
  goods: readonly Goods[];
  basket: Basket;
  onChange: (goodsId: string, qty: number) => void;
  /** While a confirm is unanswered the basket cannot change: a retry must send the same goods. */
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const limit = (g: Goods) =>
    g.limitPerPerson
      ? t('counter.goods.limitText', { n: g.limitPerPerson, period: t(`counter.period.${g.limitPeriod ?? 'ever'}`) })
      : '—';
  return (
    <Table<Goods>
      rowKey="id"
      size="middle"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={goods.filter((g) => g.active)}
      data-testid="basket-table"
      locale={{ emptyText: <span className="counter-empty">{t('counter.goods.none')}</span> }}
      columns={[
        { title: t('counter.goods.name'), dataIndex: 'name' },
        { title: t('counter.goods.points'), dataIndex: 'points', align: 'right' },
        { title: t('counter.goods.stock'), dataIndex: 'stock', align: 'right' },
        { title: t('counter.goods.limit'), key: 'limit', render: (_, g) => limit(g) },
        {
          title: t('counter.redeem.qty'),
          key: 'qty',
          render: (_, g) => (
            <InputNumber
              min={0}
              max={Math.min(REDEMPTION_QTY_MAX, Math.max(g.stock ?? 0, 0))}
              precision={0}
              value={basket[g.id] ?? 0}
              disabled={!g.available || locked}
              aria-label={t('counter.redeem.qtyOf', { name: g.name })}
              onChange={(v) => onChange(g.id, typeof v === 'number' ? v : 0)}
              data-testid={`qty-${g.name}`}
              className="qty-input"
            />
          ),
        },
      ]}
    />
  );
}
