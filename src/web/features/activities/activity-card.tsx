import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../api/activities.api.js';
import { useFormat } from '../../components/format.js';

/** One activity in the list: what, who, when, where, and whether a place is left. */
export function ActivityCard({ a, fieldName }: { a: ActivitySummary; fieldName: (c: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className="card activity-card" data-testid="activity-card">
      <h2 className="activity-title">
        <Link to={`/activities/${a.id}`}>{a.title}</Link>
      </h2>
      <p className="activity-meta">
        <span className="tag">{fieldName(a.field)}</span> {a.organisationName}
      </p>
      <p>
        {f.span(a.firstStart, a.lastEnd)}
        {a.distanceM !== undefined && <> · {t('activities.away', { distance: f.distance(a.distanceM) })}</>}
      </p>
      <p className="activity-address">{a.address}</p>
      <p className={a.placesLeft > 0 ? 'places-left' : 'places-left none'} data-testid="places-left">
        {a.placesLeft > 0 ? t('activities.placesLeft', { count: a.placesLeft }) : t('activities.placesNone')}
      </p>
      {a.requiresApproval && <p className="hint">{t('activities.needsApproval')}</p>}
    </li>
  );
}
