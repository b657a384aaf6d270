import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { getNeed, needKeys } from '../../api/needs.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { NeedActions } from './need-actions.js';
import { NeedDetails } from './need-details.js';
import { NeedPhotos } from './need-photo-picker.js';
import { NeedTimeline } from './need-timeline.js';
import { useNeedTypes } from './use-need-types.js';
import './needs.css';

/** /needs/:id: a need, its timeline and the steps the caller may take (rate, cancel, take, complete). */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me, loading } = useSession();
  const { nameOf } = useNeedTypes();
  const q = useQuery({ queryKey: needKeys.one(id), queryFn: () => getNeed(id), enabled: !!me });
  usePageTitle(q.data ? t('needs.one.title', { type: nameOf(q.data.type) }) : t('needs.one.heading'));
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const need = q.data;
  return (
    <div className="page narrow needs-page">
      <p className="back-link">
        {need && !need.mine ? (
          <Link to="/me/team-needs">{t('needs.team.title')}</Link>
        ) : (
          <Link to="/needs">{t('needs.mine.title')}</Link>
        )}
      </p>
      <h1 data-testid="need-title">
        {need ? t('needs.one.title', { type: nameOf(need.type) }) : t('needs.one.heading')}
      </h1>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {need && (
        <>
          <section className="card" aria-labelledby="need-about">
            <h2 id="need-about">{t('needs.one.about')}</h2>
            <NeedDetails need={need} />
          </section>
          {need.photos.length > 0 && (
            <section className="card" aria-labelledby="need-photos-title">
              <h2 id="need-photos-title">{t('needs.photos.title')}</h2>
              <NeedPhotos photos={need.photos} />
            </section>
          )}
          <NeedActions need={need} />
          <section className="card" aria-labelledby="need-steps">
            <h2 id="need-steps">{t('needs.one.timeline')}</h2>
            <NeedTimeline need={need} />
          </section>
        </>
      )}
    </div>
  );
}
