import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { NeedList } from './need-list.js';
import './needs.css';

/** /needs: the needs I posted (点单), newest first, and the way to post another. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  usePageTitle(t('needs.mine.title'));
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <div className="page narrow needs-page">
      <h1>{t('needs.mine.title')}</h1>
      <p>{t('needs.mine.intro')}</p>
      <p>
        <Link className="button primary" to="/needs/new" data-testid="post-need">
          {t('needs.post.title')}
        </Link>
      </p>
      <NeedList query={{ view: 'mine' }} empty={t('needs.mine.none')} />
    </div>
  );
}
