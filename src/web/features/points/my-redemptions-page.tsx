import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { myRedemptions, supermarketKeys, type Redemption } from '../../api/supermarkets.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { PointsNav } from './points-nav.js';
import './points.css';
import { LoadMore } from '../../components/load-more.js';

/** What I took at points supermarkets, newest first; reversed ones say why. */
export function MyRedemptionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('points.redemptions'));
  const { me, loading } = useSession();
  const volunteerId = me?.user.volunteerId ?? '';
  const q = useCursorPages(supermarketKeys.myRedemptions(volunteerId), myRedemptions, !!volunteerId);
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  const items = q.rows;
  return (
    <div className="page narrow points-page">
      <h1>{t('points.redemptions')}</h1>
      <PointsNav />
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && items.length === 0 && <p>{t('points.noRedemptions')}</p>}
      <ul className="card-list one-column">
        {items.map((r) => (
          <RedemptionCard key={r.id} r={r} />
        ))}
      </ul>
      <LoadMore query={q} label={t('points.loadMore')} />
    </div>
  );
}

function RedemptionCard({ r }: { r: Redemption }) {
  const { t } = useTranslation();
  const f = useFormat();
  const headingId = `redemption-${r.id}`;
  return (
    <li className="card redemption-item" data-testid="redemption-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="record-title">
        {r.siteName}
      </h2>
      <p className="hint">
        <time dateTime={r.at}>{f.dateTime(r.at)}</time>
        {' · '}
        <span data-testid="redemption-receipt-no">{t('counter.redeem.receiptNo', { id: r.receiptNo })}</span>
      </p>
      <ul className="redemption-goods">
        {r.items.map((i) => (
          <li key={i.goodsId}>{t('points.goodsLine', { name: i.name, qty: i.qty, points: i.points })}</li>
        ))}
      </ul>
      <p>
        <strong data-testid="redemption-points">{t('points.spent', { points: r.points })}</strong>
        {' · '}
        <span className="hint">{t('points.balanceAfter', { balance: r.balanceAfter })}</span>
      </p>
      {r.status === 'reversed' && (
        <p className="tag status-cancelled" data-testid="redemption-reversed">
          {t('points.reversed', { reason: r.reverseReason ?? '' })}
        </p>
      )}
    </li>
  );
}
