import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Site } from '../../api/sites.api.js';
import { SiteDetails } from './site-details.js';

interface Props {
  sites: readonly Site[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** The list beside the map: the keyboard and screen-reader way to every site, with details of the chosen one. */
export function SiteList({ sites, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <ul>
      {sites.map((s) => {
        const selected = s.id === selectedId;
        return (
          <li key={s.id}>
            <button
              type="button"
              className={selected ? 'site-item selected' : 'site-item'}
              aria-pressed={selected}
              onClick={() => onSelect(selected ? null : s.id)}
            >
              <span className="site-name">{s.name}</span>
              <span className="tag">{t(`siteType.${s.type}`)}</span>
              <span className="site-address">{s.address}</span>
              {s.distanceM !== undefined && (
                <span className="site-address">{t('sites.distance', { km: (s.distanceM / 1000).toFixed(1) })}</span>
              )}
            </button>
            {selected && (
              <>
                <SiteDetails site={s} />
                <p>
                  <Link to={`/sites/${s.id}`}>{t('sites.openSite')}</Link>
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
