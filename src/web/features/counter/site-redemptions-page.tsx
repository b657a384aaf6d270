import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteRedemptions, supermarketKeys, type Redemption } from '../../api/supermarkets.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { ReverseDialog } from './reverse-dialog.js';
import { canReverse } from './counter-roles.js';

/** Whether the counter may still void a redemption (the server judges by its own clock). */
const voidable = (r: Redemption) => r.status === 'completed' && Date.now() < Date.parse(r.voidableUntil);

/**
 * The supermarket's redemptions, newest first, with their receipt numbers; site managers and
 * admins may reverse one with a reason, a clerk may void one within 10 minutes.
 */
export function SiteRedemptionsPage({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('counter.redemptions.title'));
  const f = useFormat();
  const { me } = useSession();
  const reverser = canReverse(me, siteId);
  const [reversing, setReversing] = useState<{ r: Redemption; how: 'reverse' | 'void' } | null>(null);
  const q = useCursorPages(supermarketKeys.siteRedemptions(siteId), (cursor) => siteRedemptions(siteId, { cursor }));
  return (
    <section className="admin-panel" aria-labelledby="site-redemptions-title">
      <h1 id="site-redemptions-title">{t('counter.redemptions.title')}</h1>
      {!reverser && <p className="hint">{t('counter.redemptions.clerkHint')}</p>}
      {q.isError && <ErrorNotice error={q.error} />}
      <Table<Redemption>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid="site-redemptions"
        locale={{ emptyText: <span className="counter-empty">{t('counter.redemptions.none')}</span> }}
        columns={[
          { title: t('counter.redemptions.at'), dataIndex: 'at', render: (v: string) => f.dateTime(v) },
          {
            title: t('counter.redemptions.receiptNo'),
            dataIndex: 'receiptNo',
            render: (v: string) => <span className="receipt-no-cell">{v}</span>,
          },
          {
            title: t('counter.redemptions.volunteer'),
            key: 'who',
            render: (_, r) => `${r.volunteerName} (${r.volunteerCode})`,
          },
          {
            title: t('counter.redemptions.goods'),
            key: 'goods',
            render: (_, r) => r.items.map((i) => `${i.name} × ${i.qty}`).join('、'),
          },
          { title: t('counter.redemptions.points'), dataIndex: 'points', align: 'right' },
          {
            title: t('counter.redemptions.status'),
            key: 'status',
            render: (_, r) =>
              r.status === 'reversed' ? (
                <span className="state-off">
                  {t('counter.redemptions.reversed')}：{r.reverseReason}
                </span>
              ) : (
                <span className="state-on">{t('counter.redemptions.completed')}</span>
              ),
          },
          {
            title: t('counter.goods.actions'),
            key: 'actions',
            render: (_: unknown, r: Redemption) => {
              const how = reverser ? 'reverse' : 'void';
              if (r.status !== 'completed' || (!reverser && !voidable(r))) return null;
              return (
                <Button size="small" danger onClick={() => setReversing({ r, how })} data-testid={`${how}-button`}>
                  {t(`counter.redemptions.${how}`)}
                  <span className="sr-only">{r.receiptNo}</span>
                </Button>
              );
            },
          },
        ]}
      />
      {q.hasNextPage && (
        <Button className="load-more-button" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('points.loadMore')}
        </Button>
      )}
      {reversing && (
        <ReverseDialog
          siteId={siteId}
          redemption={reversing.r}
          how={reversing.how}
          onClose={() => setReversing(null)}
        />
      )}
    </section>
  );
}
