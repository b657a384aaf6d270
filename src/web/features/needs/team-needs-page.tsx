import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { NeedList } from './need-list.js';
import './needs.css';

/** /me/team-needs: the needs dispatched to the teams I belong to; each page offers taking and completing. */
export function TeamNeedsPage() {
  const { t } = useTranslation();
  usePageTitle(t('needs.team.title'));
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <div className="page narrow needs-page">
      <p className="back-link">
        <Link to="/me">{t('profile.backToMe')}</Link>
      </p>
      <h1>{t('needs.team.title')}</h1>
      <p>{t('needs.team.intro')}</p>
      <NeedList query={{ view: 'team' }} empty={t('needs.team.none')} />
    </div>
  );
}
