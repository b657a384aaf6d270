import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, localMidnight } from '../../../common/zoned-time.js';
import { activityKeys, listActivities } from '../../api/activities.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { LoadMore } from '../../components/load-more.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useNearMe } from '../sites/use-near-me.js';
import { ActivityCard } from './activity-card.js';
import { ActivityFilterFields, useActivityFilters } from './activity-filters.js';
import './activities.css';

const RADII_KM = [3, 10, 30] as const;

/**
 * Published activities: by keyword, service field, dates and places left (all kept in the URL, so
 * back, forward and shared links keep them) and, on request, near me — a page at a time. The
 * device's position stays out of the URL: it is personal.
 */
export function ActivityListPage() {
  const { t } = useTranslation();
  usePageTitle(t('activities.title'));
  const { timeZone } = useFormat();
  const fieldName = useFieldName();
  const radiusId = useId();
  const [filters] = useActivityFilters();
  const { q: keywords, field, from, to, hasPlaces } = filters;
  const [radiusKm, setRadiusKm] = useState<number>(10);
  const [near, locate, clearNear] = useNearMe();
  const nearParam = near.state === 'on' ? `${near.lat.toFixed(5)},${near.lng.toFixed(5)}` : undefined;
  const q = useCursorPages(
    activityKeys.search(keywords, field, from, to, hasPlaces, timeZone, nearParam, radiusKm),
    (cursor) =>
      listActivities({
        q: keywords || undefined,
        hasPlaces: hasPlaces ? 'true' : undefined,
        field: field || undefined,
        // The chosen days run from the platform's midnight to the next one, whatever the device's zone.
        from: from ? localMidnight(from, timeZone) : new Date().toISOString(),
        to: to ? localMidnight(addDays(to, 1), timeZone) : undefined,
        cursor,
        limit: 20,
        ...(nearParam ? { near: nearParam, radiusKm } : {}),
      }),
  );
  const items = q.rows;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="page activities-page">
      <h1>{t('activities.title')}</h1>
      <ActivityFilterFields>
        {near.state === 'on' ? (
          <div className="filter-item">
            <label htmlFor={radiusId}>{t('activities.radius')}</label>
            <select id={radiusId} value={radiusKm} onChange={(e) => setRadiusKm(Number(e.target.value))}>
              {RADII_KM.map((r) => (
                <option key={r} value={r}>
                  {t('sites.km', { km: r })}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={clearNear}>
              {t('activities.anywhere')}
            </button>
          </div>
        ) : (
          <button type="button" className="button" onClick={locate} disabled={near.state === 'locating'}>
            {near.state === 'locating' ? t('sites.locating') : t('activities.nearMe')}
          </button>
        )}
      </ActivityFilterFields>
      <p className="result-count" role="status">
        {near.state === 'failed'
          ? t(`sites.locateFailed.${near.reason}`)
          : q.isSuccess
            ? t('activities.count', { count: items.length })
            : ''}
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && items.length === 0 && (
        <p className="notice">
          {t('activities.empty')} {filtered && <Link to="/activities">{t('activities.clearFilters')}</Link>}
        </p>
      )}
      <ul className="card-list activity-list">
        {items.map((a) => (
          <ActivityCard key={a.id} a={a} fieldName={fieldName} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </div>
  );
}
