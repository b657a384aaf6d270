import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { siteKeys } from '../../api/sites.api.js';
import { getSite } from '../../api/supermarkets.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { PlaceMap } from './place-map.js';
import { SiteDetails } from './site-details.js';

/** One site (阵地): where it is on a small map, the way there, and what a visitor should know. */
export function SitePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: siteKeys.one(id), queryFn: () => getSite(id) });
  usePageTitle(q.data?.name ?? t('sites.title'));

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const s = q.data;
  return (
    <article className="page narrow site-page" aria-labelledby="site-title">
      <p>
        <Link to="/sites">{t('sites.back')}</Link>
      </p>
      <h1 id="site-title">{s.name}</h1>
      <p>
        <span className="tag">{t(`siteType.${s.type}`)}</span> {s.address}
      </p>
      <PlaceMap name={s.name} address={s.address} lat={s.lat} lng={s.lng} type={s.type} />
      <SiteDetails site={s} />
    </article>
  );
}
