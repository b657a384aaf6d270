import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listGoods, supermarketKeys, type Goods } from '../../api/supermarkets.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { GoodsForm } from './goods-form.js';
import { MovementsList } from './movements-list.js';
import { StockForm } from './stock-form.js';

type Dialog = { kind: 'edit' | 'stock' | 'movements'; goods: Goods } | null;

/** The catalogue with stock: add goods, change price and limits, stock in and out, see the history. */
export function GoodsPage({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('counter.goods.title'));
  const q = useQuery({ queryKey: supermarketKeys.goods(siteId), queryFn: () => listGoods(siteId) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const limit = (g: Goods) =>
    g.limitPerPerson
      ? t('counter.goods.limitText', { n: g.limitPerPerson, period: t(`counter.period.${g.limitPeriod ?? 'ever'}`) })
      : '—';
  const title =
    dialog?.kind === 'edit'
      ? t('counter.goods.editTitle', { name: dialog.goods.name })
      : dialog?.kind === 'stock'
        ? t('counter.stock.title', { name: dialog.goods.name })
        : dialog
          ? t('counter.movements.title', { name: dialog.goods.name })
          : '';
  return (
    <div className="admin-split">
      <section className="admin-panel wide" aria-labelledby="goods-title">
        <h1 id="goods-title">{t('counter.goods.title')}</h1>
        <div role="status">{notice && <Alert type="success" showIcon title={notice} />}</div>
        {q.isError && <ErrorNotice error={q.error} />}
        <Table<Goods>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          data-testid="goods-table"
          locale={{ emptyText: <span className="counter-empty">{t('counter.goods.none')}</span> }}
          columns={[
            { title: t('counter.goods.name'), dataIndex: 'name' },
            { title: t('counter.goods.points'), dataIndex: 'points', align: 'right' },
            {
              title: t('counter.goods.stock'),
              dataIndex: 'stock',
              align: 'right',
              render: (s: number | null, g) => <span data-testid={`stock-${g.name}`}>{s ?? '—'}</span>,
            },
            { title: t('counter.goods.limit'), key: 'limit', render: (_, g) => limit(g) },
            { title: t('counter.goods.donor'), dataIndex: 'donor', render: (d: string | null) => d ?? '—' },
            {
              title: t('counter.goods.state'),
              key: 'state',
              render: (_, g) =>
                g.active ? (
                  <span className="state-on">{t('counter.goods.offered')}</span>
                ) : (
                  <span className="state-off">{t('counter.goods.withdrawn')}</span>
                ),
            },
            {
              title: t('counter.goods.actions'),
              key: 'actions',
              render: (_, g) => (
                <Space wrap>
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', goods: g })}>
                    {t('counter.goods.edit')}
                    <span className="sr-only">{g.name}</span>
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'stock', goods: g })}>
                    {t('counter.goods.stockChange')}
                    <span className="sr-only">{g.name}</span>
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'movements', goods: g })}>
                    {t('counter.goods.history')}
                    <span className="sr-only">{g.name}</span>
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </section>
      <section className="admin-panel" aria-labelledby="goods-new-title">
        <h2 id="goods-new-title">{t('counter.goods.create')}</h2>
        <GoodsForm siteId={siteId} onDone={(g) => setNotice(t('counter.goods.added', { name: g.name }))} />
      </section>
      <Modal open={!!dialog} title={title} footer={null} onCancel={() => setDialog(null)} destroyOnHidden width={720}>
        {dialog?.kind === 'edit' && (
          <GoodsForm
            siteId={siteId}
            goods={dialog.goods}
            onDone={(g) => {
              setDialog(null);
              setNotice(t('counter.goods.saved', { name: g.name }));
            }}
          />
        )}
        {dialog?.kind === 'stock' && (
          <StockForm
            siteId={siteId}
            goods={dialog.goods}
            onDone={() => {
              setDialog(null);
              setNotice(t('counter.stock.saved', { name: dialog.goods.name }));
            }}
          />
        )}
        {dialog?.kind === 'movements' && <MovementsList siteId={siteId} goods={dialog.goods} />}
      </Modal>
    </div>
  );
}
