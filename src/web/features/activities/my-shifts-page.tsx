import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { CalendarLink } from './calendar-link.js';
import { useMySignups } from './use-my-signups.js';

/** "My shifts": every sign-up with its status, soonest first, and the calendar subscription. */
export function MyShiftsPage() {
  const { t } = useTranslation();
  usePageTitle(t('myShifts.title'));
  const { me, loading } = useSession();
  const f = useFormat();
  const q = useMySignups();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.user.volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  const now = Date.now();
  const items = q.data?.items ?? [];
  const upcoming = items.filter((s) => Date.parse(s.end) > now);
  const past = items.filter((s) => Date.parse(s.end) <= now).reverse();

  const list = (rows: typeof items, testId: string) => (
    <ul className="card-list my-shifts" data-testid={testId}>
      {rows.map((s) => (
        <li key={s.id} className="card my-shift" data-testid="my-shift">
          <h3>
            <Link to={`/activities/${s.activityId}`}>{s.activityTitle}</Link>
          </h3>
          <p>{f.span(s.start, s.end)}</p>
          <p className={`signup-status status-${s.status}`}>{t(`signupStatus.${s.status}`)}</p>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="page narrow">
      <h1>{t('myShifts.title')}</h1>
      <p className="hero-actions">
        <Link className="button primary" to="/checkin">
          {t('nav.checkin')}
        </Link>
        <Link className="button" to="/activities">
          {t('myShifts.find')}
        </Link>
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('myShifts.upcoming')}</h2>
        {q.isSuccess && upcoming.length === 0 && <p>{t('myShifts.none')}</p>}
        {list(upcoming, 'upcoming-shifts')}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-title">
          <h2 id="past-title">{t('myShifts.past')}</h2>
          {list(past, 'past-shifts')}
        </section>
      )}
      <CalendarLink />
    </div>
  );
}
