import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { getVolunteer, type Volunteer } from '../../api/volunteers.api.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { isAdmin, useSession } from '../auth/use-session.js';

/** "Me": the volunteer's profile (masked), code, hours, star level and points. */
export function MePage() {
  const { t } = useTranslation();
  usePageTitle(t('me.title'));
  const { me, loading } = useSession();
  const volunteerId = me?.user.volunteerId ?? null;
  const q = useQuery({
    queryKey: ['volunteer', volunteerId],
    queryFn: () => getVolunteer(volunteerId ?? ''),
    enabled: !!volunteerId,
  });

  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;

  return (
    <div className="page narrow me-page">
      <h1>{t('me.title')}</h1>
      {!volunteerId && (
        <section className="card" aria-labelledby="me-account">
          <h2 id="me-account">{me.user.displayName}</h2>
          <p>{t('me.notVolunteer')}</p>
          {isAdmin(me) && <Link to="/admin">{t('me.toAdmin')}</Link>}
        </section>
      )}
      {volunteerId && q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && <VolunteerSummary v={q.data} />}
    </div>
  );
}

function VolunteerSummary({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const stars = v.starLevel ?? 0;
  return (
    <>
      <section className="stats" aria-label={t('me.service')}>
        <div className="stat">
          <span className="stat-value" data-testid="me-hours">
            {(v.hours ?? 0).toFixed(1)}
          </span>
          <span className="stat-label">{t('me.hours')}</span>
        </div>
        <div className="stat">
          <span className="stat-value" aria-hidden="true">
            {stars > 0 ? '★'.repeat(stars) : '—'}
          </span>
          <span className="stat-label" data-testid="me-stars">
            {t('me.stars', { count: stars })}
          </span>
        </div>
        <div className="stat">
          <span className="stat-value">{v.pointsBalance ?? 0}</span>
          <span className="stat-label">{t('me.points')}</span>
        </div>
      </section>
      <nav className="quick-links" aria-label={t('me.quickLinks')}>
        <Link className="button primary" to="/checkin">
          {t('nav.checkin')}
        </Link>
        <Link className="button" to="/me/shifts">
          {t('nav.myShifts')}
        </Link>
        <Link className="button" to="/me/records">
          {t('me.records')}
        </Link>
        <Link className="button" to="/me/code">
          {t('me.memberCode')}
        </Link>
        <Link className="button" to="/me/points">
          {t('me.points')}
        </Link>
      </nav>
      <section className="card" aria-labelledby="me-profile">
        <h2 id="me-profile">{t('me.profile')}</h2>
        <dl className="profile">
          <dt>{t('me.volunteerCode')}</dt>
          <dd className="volunteer-code" data-testid="me-volunteer-code">
            {v.volunteerCode}
          </dd>
          <dt>{t('register.name')}</dt>
          <dd>{v.name}</dd>
          <dt>{t(`idType.${v.idType}`)}</dt>
          <dd data-testid="me-id-number">{v.idNumber}</dd>
          {v.phone && (
            <>
              <dt>{t('register.phone')}</dt>
              <dd data-testid="me-phone">{v.phone}</dd>
            </>
          )}
          {v.skills.length > 0 && (
            <>
              <dt>{t('register.skills')}</dt>
              <dd>{v.skills.join('、')}</dd>
            </>
          )}
          {v.fields.length > 0 && (
            <>
              <dt>{t('me.fields')}</dt>
              <dd>{v.fields.map(fieldName).join('、')}</dd>
            </>
          )}
        </dl>
      </section>
    </>
  );
}
