import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { pointKeys, pointStatement, type StatementItem } from '../../api/points.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { earningText } from './earning-text.js';
import { PointsNav } from './points-nav.js';
import './points.css';
import { LoadMore } from '../../components/load-more.js';

/** My points (积分): the balance and the statement with the running balance and expiry dates. */
export function MyPointsPage() {
  const { t } = useTranslation();
  usePageTitle(t('points.title'));
  const { me, loading } = useSession();
  const volunteerId = me?.user.volunteerId ?? '';
  const q = useCursorPages(
    pointKeys.statement(volunteerId),
    (cursor) => pointStatement(volunteerId, cursor),
    !!volunteerId,
  );
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  const items = q.rows;
  const balance = q.data?.pages[0]?.balance;
  return (
    <div className="page narrow points-page">
      <h1>{t('points.title')}</h1>
      <PointsNav />
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {balance !== undefined && (
        <section className="points-balance card" aria-labelledby="points-balance-label">
          <h2 id="points-balance-label" className="points-balance-label">
            {t('points.balance')}
          </h2>
          <p className="points-balance-value" data-testid="points-balance">
            {balance}
          </p>
          <p className="hint">{t('points.spendHint')}</p>
          <Link className="button primary" to="/me/code">
            {t('points.showCode')}
          </Link>
        </section>
      )}
      {q.isSuccess && (
        <section aria-labelledby="points-statement">
          <h2 id="points-statement">{t('points.statement')}</h2>
          {items.length === 0 && <p>{t('points.none')}</p>}
          <ul className="card-list statement" data-testid="points-statement">
            {items.map((i) => (
              <StatementRow key={i.id} item={i} />
            ))}
          </ul>
          <LoadMore query={q} label={t('points.loadMore')} />
        </section>
      )}
    </div>
  );
}

function StatementRow({ item }: { item: StatementItem }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const sign = item.amount > 0 ? '+' : '';
  return (
    <li className="card statement-item" data-testid="statement-item">
      <div className="statement-main">
        <span className={`tag kind-${item.kind}`}>{t(`points.kind.${item.kind}`)}</span>
        {item.memo && <span className="statement-memo">{item.memo}</span>}
        {item.earning && (
          <span className="statement-earning" data-testid="statement-earning">
            {earningText(t, i18n.language, item.earning)}
          </span>
        )}
        <span className="hint">
          <time dateTime={item.at}>{f.dateTime(item.at)}</time>
        </span>
        {item.expiresAt && (
          <span className="hint" data-testid="statement-expiry">
            {t('points.expires', { date: f.date(item.expiresAt) })}
          </span>
        )}
      </div>
      <div className="statement-figures">
        <span className={item.amount > 0 ? 'amount in' : 'amount out'} data-testid="statement-amount">
          <span className="sr-only">{t(item.amount > 0 ? 'points.in' : 'points.out')} </span>
          {sign}
          {item.amount}
        </span>
        <span className="hint">{t('points.balanceAfter', { balance: item.balanceAfter })}</span>
      </div>
    </li>
  );
}
