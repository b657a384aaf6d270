import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_TYPES, type SiteType } from '../../../common/enums.js';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { SITE_TYPE_COLOURS } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SiteList } from './site-list.js';
import { SitesMap } from './sites-map.js';
import { useNearMe } from './use-near-me.js';

const RADII_KM = [1, 3, 5, 10, 20] as const;

/** The public sites (阵地) map with a list beside it, filtered by type and, on request, by distance. */
export function SitesMapPage() {
  const { t } = useTranslation();
  usePageTitle(t('sites.title'));
  const filterId = useId();
  const radiusId = useId();
  const [type, setType] = useState<SiteType | ''>('');
  const [radiusKm, setRadiusKm] = useState<number>(5);
  const [selected, setSelected] = useState<string | null>(null);
  const [near, locate, clearNear] = useNearMe();
  const nearParam = near.state === 'on' ? `${near.lat.toFixed(5)},${near.lng.toFixed(5)}` : undefined;
  const q = useQuery({
    queryKey: siteKeys.map(type, nearParam, radiusKm),
    queryFn: () =>
      listSites({ type: type || undefined, limit: 200, ...(nearParam ? { near: nearParam, radiusKm } : {}) }),
  });
  const sites = q.data?.items ?? [];

  return (
    <div className="page sites-page">
      <h1>{t('sites.title')}</h1>
      <div className="filter-bar">
        <label htmlFor={filterId}>{t('sites.filterType')}</label>
        <select
          id={filterId}
          value={type}
          onChange={(e) => setType(e.target.value as SiteType | '')}
          data-testid="site-type-filter"
        >
          <option value="">{t('sites.allTypes')}</option>
          {SITE_TYPES.map((st) => (
            <option key={st} value={st}>
              {t(`siteType.${st}`)}
            </option>
          ))}
        </select>
        {near.state === 'on' ? (
          <>
            <label htmlFor={radiusId}>{t('sites.radius')}</label>
            <select id={radiusId} value={radiusKm} onChange={(e) => setRadiusKm(Number(e.target.value))}>
              {RADII_KM.map((r) => (
                <option key={r} value={r}>
                  {t('sites.km', { km: r })}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={clearNear}>
              {t('sites.showAll')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={locate} disabled={near.state === 'locating'}>
            {near.state === 'locating' ? t('sites.locating') : t('sites.nearMe')}
          </button>
        )}
        <p className="result-count" role="status">
          {near.state === 'failed' ? t(`sites.locateFailed.${near.reason}`) : t('sites.count', { count: sites.length })}
        </p>
      </div>
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data?.nextCursor && <p className="notice">{t('sites.truncated', { count: sites.length })}</p>}
      <div className="map-layout">
        <div className="map-pane">
          <SitesMap sites={sites} selectedId={selected} onSelect={setSelected} />
          <ul className="legend" aria-label={t('sites.legend')}>
            {SITE_TYPES.map((st) => (
              <li key={st}>
                <span className="swatch" style={{ background: SITE_TYPE_COLOURS[st] }} aria-hidden="true" />
                {t(`siteType.${st}`)}
              </li>
            ))}
          </ul>
        </div>
        <section className="site-list" aria-labelledby="site-list-title">
          <h2 id="site-list-title">{t('sites.listTitle')}</h2>
          {q.isPending && <Loading />}
          <SiteList sites={sites} selectedId={selected} onSelect={setSelected} />
        </section>
      </div>
    </div>
  );
}
