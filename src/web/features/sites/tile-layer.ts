import L from 'leaflet';

/**
 * Raster tiles under a Leaflet map: a tile that fails is hidden (no broken image), and when a
 * view finishes with not one tile loaded, `onAllFailed` lets the caller fall back to the plain map.
 */
export function addTiles(map: L.Map, tileUrl: string, onAllFailed: () => void): L.TileLayer {
  let loaded = 0;
  let errors = 0;
  return L.tileLayer(tileUrl, { maxZoom: 18 })
    .on('tileload', () => (loaded += 1))
    .on('tileerror', (e: L.TileErrorEvent) => {
      errors += 1;
      e.tile.style.visibility = 'hidden';
    })
    .on('load', () => {
      if (loaded === 0 && errors > 0) onAllFailed();
    })
    .addTo(map);
}
