import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { activityKeys, getActivity } from '../../api/activities.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { PlaceMap } from '../sites/place-map.js';
import { ActivityContact } from './activity-contact.js';
import { ShiftRow } from './shift-row.js';
import './activities.css';
import { LIVE_STATUSES, useMySignups } from './use-my-signups.js';

/**
 * One activity: what, where (a small map and the way there), who organises it, whom to call once
 * signed up, and its shifts with sign-up buttons.
 */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useSession();
  const f = useFormat();
  const fieldName = useFieldName();
  const q = useQuery({ queryKey: activityKeys.one(id), queryFn: () => getActivity(id) });
  const mine = useMySignups();
  usePageTitle(q.data?.title ?? t('activities.title'));

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const a = q.data;
  const volunteer = !!me?.user.volunteerId;
  const open = a.status === 'published' || a.status === 'running';
  // A live sign-up wins over an earlier cancelled one for the same shift.
  const signups = (mine.data?.items ?? []).filter((s) => s.activityId === a.id);
  const byShift = new Map(
    [...signups]
      .sort((x, y) => Number(LIVE_STATUSES.includes(x.status)) - Number(LIVE_STATUSES.includes(y.status)))
      .map((s) => [s.shiftId, s]),
  );

  return (
    <article className="page narrow activity-detail" aria-labelledby="activity-title">
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <h1 id="activity-title">{a.title}</h1>
      <p className="activity-meta">
        <span className="tag">{fieldName(a.field)}</span> {a.organisationName}
        {' · '}
        <span className={`activity-status status-${a.status}`}>{t(`activityStatus.${a.status}`)}</span>
      </p>
      {a.status === 'cancelled' && (
        <p className="notice error">{t('activities.cancelledBecause', { reason: a.cancelReason ?? '' })}</p>
      )}
      <dl className="profile">
        <dt>{t('activities.when')}</dt>
        <dd>{f.span(a.firstStart, a.lastEnd)}</dd>
        <dt>{t('activities.where')}</dt>
        <dd>{a.address}</dd>
        <dt>{t('activities.signupMode')}</dt>
        <dd>{a.requiresApproval ? t('activities.needsApproval') : t('activities.firstCome')}</dd>
      </dl>
      <PlaceMap name={a.title} address={a.address} lat={a.lat} lng={a.lng} />
      {a.description && <p className="activity-description">{a.description}</p>}
      <ActivityContact
        contact={a.contact}
        signedUp={signups.some((s) => LIVE_STATUSES.includes(s.status))}
        volunteer={volunteer}
      />
      <section aria-labelledby="shifts-title">
        <h2 id="shifts-title">{t('activities.shifts')}</h2>
        {!me && (
          <p className="notice">
            {t('activities.loginToSignUp')} <Link to="/login">{t('nav.login')}</Link>
          </p>
        )}
        {me && !volunteer && <p className="notice">{t('activities.volunteersOnly')}</p>}
        <ul className="card-list shift-list">
          {a.shifts.map((s) => (
            <ShiftRow
              key={s.id}
              shift={s}
              activityId={a.id}
              mine={byShift.get(s.id)}
              canSignUp={open}
              volunteer={volunteer}
            />
          ))}
        </ul>
      </section>
    </article>
  );
}
