import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { TOKEN_ROLES } from '../../../common/contract/tokens.js';
import { regionKeys } from '../../api/regions.api.js';
import type { Volunteer } from '../../api/volunteers.api.js';
import { regionPath } from '../../api/profile.api.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { isAdmin } from '../auth/use-session.js';
import { managesSite } from '../site-manager/site-manager-roles.js';
import { MyDataExport } from './my-data-export.js';
import { MyQualifications } from './my-qualifications.js';
import { SubjectHonours } from '../honours/subject-honours.js';
import { useMyVolunteer } from './use-my-volunteer.js';
import './profile.css';
import { ChangePasswordForm } from './change-password-form.js';
import { CloseAccountForm } from './close-account-form.js';
import { LogoutEverywhere } from './logout-everywhere.js';
import { CounterPinForm } from './counter-pin-form.js';
import { GuardianCard } from './guardian-card.js';

/** "Me": the volunteer's hub — service figures, where to go next, profile (masked), qualifications, my data. */
export function MePage() {
  const { t } = useTranslation();
  usePageTitle(t('me.title'));
  const { me, loading, volunteerId, volunteer: q } = useMyVolunteer();

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
          {managesSite(me) && <Link to="/site">{t('siteManager.toConsole')}</Link>}
        </section>
      )}
      {!volunteerId && <ChangePasswordForm />}
      {!volunteerId && <LogoutEverywhere />}
      {/* An account with duties over others hands them over before it can close (the server says so too). */}
      {!volunteerId && me.roles.every((g) => g.role === 'resident') && <CloseAccountForm />}
      {volunteerId && q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && <VolunteerHub v={q.data} />}
      {me.roles.some((g) => TOKEN_ROLES.includes(g.role)) && (
        <section className="card me-section" aria-labelledby="me-tokens-title">
          <h2 id="me-tokens-title">{t('apiTokens.title')}</h2>
          <p>{t('apiTokens.meLead')}</p>
          <Link className="button" to="/me/tokens" data-testid="me-tokens">
            {t('apiTokens.manage')}
          </Link>
        </section>
      )}
    </div>
  );
}

function VolunteerHub({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
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
        <Link className="button" to="/me/certificates">
          {t('me.certificates')}
        </Link>
        <Link className="button" to="/me/code">
          {t('me.memberCode')}
        </Link>
        <Link className="button" to="/me/points">
          {t('me.points')}
        </Link>
        <Link className="button" to="/me/teams" data-testid="me-teams">
          {t('teams.meLink')}
        </Link>
        <Link className="button" to="/me/team-needs" data-testid="me-team-needs">
          {t('needs.team.meLink')}
        </Link>
      </nav>
      {v.minor && <GuardianCard v={v} />}
      <ProfileSummary v={v} />
      <MyQualifications volunteerId={v.id} />
      <SubjectHonours
        kind="volunteer"
        id={v.id}
        headingId="me-honours"
        title={t('honours.mine')}
        empty={t('honours.mineNone')}
        className="card me-section"
      />
      <CounterPinForm volunteerCode={v.volunteerCode} />
      <MyDataExport />
    </>
  );
}

/** The profile as stored (ID number and phone masked), with the ways to change it. */
function ProfileSummary({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const region = useQuery({
    queryKey: regionKeys.path(v.regionCode),
    queryFn: () => regionPath(v.regionCode),
    staleTime: Infinity,
  });
  const regionName = region.data?.items.map((r) => r.name).join(' / ') ?? v.regionCode;
  return (
    <section className="card me-section" aria-labelledby="me-profile">
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
        <dt>{t('register.region')}</dt>
        <dd data-testid="me-region">{regionName}</dd>
        <dt>{t('register.skills')}</dt>
        <dd data-testid="me-skills">{v.skills.length > 0 ? v.skills.join('、') : t('common.none')}</dd>
        <dt>{t('me.fields')}</dt>
        <dd data-testid="me-fields">{v.fields.length > 0 ? v.fields.map(fieldName).join('、') : t('common.none')}</dd>
        <dt>{t('profile.availability.legend')}</dt>
        <dd data-testid="me-availability">
          {v.availability.length > 0 ? (
            <ul className="plain-list">
              {v.availability.map((s) => (
                <li key={`${s.day}-${s.from}-${s.to}`}>
                  {t(`profile.days.${s.day}`)} {s.from}–{s.to}
                </li>
              ))}
            </ul>
          ) : (
            t('common.none')
          )}
        </dd>
      </dl>
      <div className="section-actions">
        <Link className="button" to="/me/profile" data-testid="me-edit-profile">
          {t('profile.edit')}
        </Link>
        <Link className="button" to="/me/notifications" data-testid="me-notification-settings">
          {t('profile.notifications.title')}
        </Link>
      </div>
    </section>
  );
}
