import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { listMovements, supermarketKeys, type Goods, type StockMovement } from '../../api/supermarkets.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';

/** One goods' stock history, newest first: opening stock, in, out, redemptions and reversals. */
export function MovementsList({ siteId, goods }: { siteId: string; goods: Goods }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCursorPages(supermarketKeys.movements(siteId, goods.id), (cursor) =>
    listMovements(siteId, goods.id, cursor),
  );
  return (
    <>
      {q.isError && <ErrorNotice error={q.error} />}
      <Table<StockMovement>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={q.rows}
        data-testid="movements"
        columns={[
          { title: t('counter.movements.at'), dataIndex: 'at', render: (v: string) => f.dateTime(v) },
          {
            title: t('counter.movements.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`counter.movementKind.${k}`),
          },
          {
            title: t('counter.movements.delta'),
            dataIndex: 'delta',
            align: 'right',
            render: (d: number) => (d > 0 ? `+${d}` : String(d)),
          },
          { title: t('counter.movements.after'), dataIndex: 'stockAfter', align: 'right' },
          { title: t('counter.movements.reason'), dataIndex: 'reason' },
        ]}
      />
      {q.hasNextPage && (
        <Button className="load-more-button" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('points.loadMore')}
        </Button>
      )}
    </>
  );
}
