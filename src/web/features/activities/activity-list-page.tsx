import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { addDays, localMidnight } from '../../../common/zoned-time.js';
import { activityKeys, listActivities, type ActivitySummary } from '../../api/activities.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useNearMe } from '../sites/use-near-me.js';
import { LoadMore } from '../../components/load-more.js';

const RADII_KM = [3, 10, 30] as const;

/** Published activities: near me, by service field and by dates, a page at a time. */
export function ActivityListPage() {
  const { t } = useTranslation();
  usePageTitle(t('activities.title'));
  const { timeZone } = useFormat();
  const fieldName = useFieldName();
  const ids = { field: useId(), from: useId(), to: useId(), radius: useId() };
  const [field, setField] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [radiusKm, setRadiusKm] = useState<number>(10);
  const [near, locate, clearNear] = useNearMe();
  const nearParam = near.state === 'on' ? `${near.lat.toFixed(5)},${near.lng.toFixed(5)}` : undefined;
  const q = useCursorPages(activityKeys.search(field, from, to, timeZone, nearParam, radiusKm), (cursor) =>
    listActivities({
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

  return (
    <div className="page activities-page">
      <h1>{t('activities.title')}</h1>
      <form
        className="filter-bar"
        role="search"
        aria-label={t('activities.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="filter-item">
          <label htmlFor={ids.field}>{t('activities.field')}</label>
          <select id={ids.field} value={field} onChange={(e) => setField(e.target.value)} data-testid="field-filter">
            <option value="">{t('activities.allFields')}</option>
            {DEFAULT_FIELDS.map((f) => (
              <option key={f.code} value={f.code}>
                {fieldName(f.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-item">
          <label htmlFor={ids.from}>{t('activities.from')}</label>
          <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="filter-item">
          <label htmlFor={ids.to}>{t('activities.to')}</label>
          <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        {near.state === 'on' ? (
          <div className="filter-item">
            <label htmlFor={ids.radius}>{t('activities.radius')}</label>
            <select id={ids.radius} value={radiusKm} onChange={(e) => setRadiusKm(Number(e.target.value))}>
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
      </form>
      <p className="result-count" role="status">
        {near.state === 'failed'
          ? t(`sites.locateFailed.${near.reason}`)
          : q.isSuccess
            ? t('activities.count', { count: items.length })
            : ''}
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && items.length === 0 && <p className="notice">{t('activities.empty')}</p>}
      <ul className="card-list activity-list">
        {items.map((a) => (
          <ActivityCard key={a.id} a={a} fieldName={fieldName} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </div>
  );
}

function ActivityCard({ a, fieldName }: { a: ActivitySummary; fieldName: (c: string) => string }) {
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
      {a.requiresApproval && <p className="hint">{t('activities.needsApproval')}</p>}
    </li>
  );
}
