import L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { addTiles } from './tile-layer.js';

/** Where the tiles come from, and what to do when none loads. */
export interface TileSource {
  tileUrl: string;
  attribution: string | null;
  /** Every visible tile failed: the caller falls back to the plain map. */
  onTilesFailed: () => void;
}

/** With nothing to show a map starts on the whole world, zoomed out. */
export const WORLD: L.LatLngTuple = [20, 105];
export const FIT: L.FitBoundsOptions = { padding: [32, 32], maxZoom: 16 };

/**
 * One Leaflet map in `box` for as long as the tile server stays the same, shared by the sites
 * map and the position picker: the tiles (all failing reported through the latest
 * `onTilesFailed`), zoom buttons named in the page's language, a redraw when the box changes
 * size (then `onResize`), and the teardown. `setup` runs once the map exists and may answer
 * its own teardown.
 */
export function useTileMap(
  box: RefObject<HTMLDivElement | null>,
  { tileUrl, onTilesFailed }: TileSource,
  options: L.MapOptions,
  setup: (m: L.Map) => (() => void) | void,
  onResize?: (m: L.Map) => void,
): RefObject<L.Map | null> {
  const { t } = useTranslation();
  const map = useRef<L.Map | null>(null);
  const latest = useRef({ onTilesFailed, options, setup, onResize });
  latest.current = { onTilesFailed, options, setup, onResize };

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { attributionControl: false, zoomControl: false, ...latest.current.options });
    addTiles(m, tileUrl, () => latest.current.onTilesFailed());
    const undo = latest.current.setup(m);
    map.current = m;
    const resized = new ResizeObserver(() => {
      m.invalidateSize();
      latest.current.onResize?.(m);
    });
    resized.observe(box.current);
    return () => {
      resized.disconnect();
      undo?.();
      m.remove();
      map.current = null;
    };
  }, [box, tileUrl]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const zoom = L.control.zoom({ zoomInTitle: t('sites.zoomIn'), zoomOutTitle: t('sites.zoomOut') }).addTo(m);
    return () => void zoom.remove();
  }, [t, tileUrl]);

  return map;
}

/** The map's box with the tile server's attribution under it. */
export function TileFigure({ attribution, children }: { attribution: string | null; children: React.ReactNode }) {
  return (
    <figure className="tile-map-figure">
      {children}
      {attribution && <figcaption className="map-attribution">{attribution}</figcaption>}
    </figure>
  );
}
