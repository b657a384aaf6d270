import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_TYPES, type SiteType } from '../../../common/enums.js';
import { listSites } from '../../api/sites.api.js';
import { SITE_TYPE_COLOURS } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SitesMap } from './sites-map.js';

/** The public sites (阵地) map with a list beside it, filtered by type. */
export function SitesMapPage() {
  const { t } = useTranslation();
  usePageTitle(t('sites.title'));
  const filterId = useId();
  const [type, setType] = useState<SiteType | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['sites', 'map', type],
    queryFn: () => listSites({ type: type || undefined, limit: 200 }),
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
        <p className="result-count" role="status">
          {t('sites.count', { count: sites.length })}
        </p>
      </div>
      {q.isError && <ErrorNotice error={q.error} />}
      <div className="map-layout">
        <div className="map-pane">
          <SitesMap sites={sites} selectedId={selected} />
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
          <ul>
            {sites.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={s.id === selected ? 'site-item selected' : 'site-item'}
                  aria-pressed={s.id === selected}
                  onClick={() => setSelected(s.id === selected ? null : s.id)}
                >
                  <span className="site-name">{s.name}</span>
                  <span className="tag">{t(`siteType.${s.type}`)}</span>
                  <span className="site-address">{s.address}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
