import { useTranslation } from 'react-i18next';
import type { SiteType } from '../../../common/enums.js';
import { geoUri } from './geo-uri.js';
import { SitesMap } from './sites-map.js';
import './place-map.css';

interface Props {
  name: string;
  address: string;
  lat: number;
  lng: number;
  /** The marker's colour: a site's type; a place that is no site is drawn as `other`. */
  type?: SiteType;
}

/**
 * One place on a small map (tiles when configured, else the plain map) and the link that opens
 * the phone's map app to find the way there. Places of activities and sites are public.
 */
export function PlaceMap({ name, address, lat, lng, type = 'other' }: Props) {
  const { t } = useTranslation();
  return (
    <div className="place-map" data-testid="place-map">
      <SitesMap
        sites={[{ id: 'place', name, type, lat, lng }]}
        selectedId="place"
        label={t('sites.placeMapLabel', { name, address })}
      />
      <a
        className="button directions-link"
        href={geoUri(lat, lng, name)}
        aria-label={t('sites.directionsTo', { name })}
        data-testid="directions-link"
      >
        {t('sites.directions')}
      </a>
    </div>
  );
}
