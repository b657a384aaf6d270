import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';

const SHOWN = 6;

/** A few sites (阵地) on the front page, each opening its own page (map, way there), and the way to the full map. */
export function PortalSites() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: siteKeys.portal, queryFn: () => listSites({ limit: SHOWN }) });

  return (
    <section aria-labelledby="sites-title" className="section">
      <h2 id="sites-title">{t('portal.sitesTitle')}</h2>
      <p className="section-lead">{t('portal.sitesLead')}</p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && q.data.items.length === 0 && <p>{t('sites.none')}</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="card-list">
          {q.data.items.map((s) => (
            <li key={s.id} className="card">
              <h3>
                <Link to={`/sites/${s.id}`}>{s.name}</Link>
              </h3>
              <p className="tag">{t(`siteType.${s.type}`)}</p>
              <p>{s.address}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/sites">{t('portal.allSites')}</Link>
      </p>
    </section>
  );
}
