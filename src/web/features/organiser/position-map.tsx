import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useTileSource } from '../sites/use-tile-source.js';
import { PlainPositionMap } from './plain-position-map.js';
import type { PositionMapProps } from './position-picker.js';

// Leaflet loads only when the installation names a tile server, as on the sites map.
const TilePositionMap = lazy(async () => ({ default: (await import('./tile-position-map.js')).TilePositionMap }));

/**
 * The map to pick a position on: tiles when configured, else (and once no tile loads) a plain
 * background. Used by the organiser's activity form and the resident's need form.
 */
export function PositionMap(map: PositionMapProps) {
  const { t } = useTranslation();
  const { source, failed } = useTileSource();
  if (source) {
    return (
      <Suspense fallback={<PlainPositionMap {...map} />}>
        <TilePositionMap {...map} {...source} />
      </Suspense>
    );
  }
  return (
    <>
      {failed && (
        <p className="notice" role="status">
          {t('sites.tilesFailed')}
        </p>
      )}
      <PlainPositionMap {...map} />
    </>
  );
}
