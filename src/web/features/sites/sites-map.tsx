import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../api/sites.api.js';
import { PlainMap } from './plain-map.js';
import { useTileSource } from './use-tile-source.js';

/** What a map needs of a site: the sites map draws sites, an activity's page its one place. */
export type MapSite = Pick<Site, 'id' | 'name' | 'type' | 'lat' | 'lng'>;

export interface MapProps {
  sites: readonly MapSite[];
  /** The map's accessible name; by default it counts the sites. */
  label?: string;
  selectedId: string | null;
  /** Mouse and keyboard users may pick a marker; everyone can pick from the list beside the map. */
  onSelect?: (id: string) => void;
}

// Leaflet and its styles load only when the installation names a tile server.
const TileMap = lazy(async () => ({ default: (await import('./tile-map.js')).TileMap }));

/**
 * The sites map: raster tiles when `SHANMEI_MAP_TILES` is configured, else (and whenever the
 * tiles cannot load) markers on a plain background, which needs no internet.
 */
export function SitesMap(props: MapProps) {
  const { t } = useTranslation();
  const { source, failed } = useTileSource();
  if (source) {
    return (
      <Suspense fallback={<PlainMap {...props} />}>
        <TileMap {...props} {...source} />
      </Suspense>
    );
  }
  return (
    <>
      {failed && (
        <p className="notice" role="status" data-testid="tiles-failed">
          {t('sites.tilesFailed')}
        </p>
      )}
      <PlainMap {...props} />
    </>
  );
}
