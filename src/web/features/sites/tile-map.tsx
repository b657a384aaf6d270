import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_TYPE_COLOURS } from '../../components/labels.js';
import type { MapProps } from './sites-map.js';
import './tile-map.css';
import { FIT, TileFigure, useTileMap, WORLD, type TileSource } from './use-tile-map.js';

type Props = MapProps & TileSource;

/**
 * Sites on raster tiles (Leaflet, a lazy chunk). Markers are buttons reachable by Tab, named
 * by the site and its type, picked with Enter or Space. A tile that fails is hidden (no broken
 * image); when no tile loads at all, `onTilesFailed` switches to the plain map.
 */
export function TileMap({ sites, selectedId, onSelect, label, tileUrl, attribution, onTilesFailed }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const bounds = useRef<L.LatLngBounds | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  // Care mode, the language or the window change the box: redraw and fit the sites again.
  const map = useTileMap(
    box,
    { tileUrl, attribution, onTilesFailed },
    { zoomSnap: 0.25 },
    (m) => {
      m.setView(WORLD, 2);
      markers.current = L.layerGroup().addTo(m);
      return () => void (markers.current = null);
    },
    (m) => bounds.current && m.fitBounds(bounds.current, FIT),
  );

  // The container is the map's keyboard target (arrows pan, +/- zoom): a named region.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label ?? t('sites.mapLabel', { count: sites.length }));
  }, [t, sites.length, label]);

  useEffect(() => {
    const m = map.current;
    bounds.current = sites.length > 0 ? L.latLngBounds(sites.map((s) => [s.lat, s.lng] as L.LatLngTuple)) : null;
    if (m && bounds.current) m.fitBounds(bounds.current, FIT);
  }, [sites, map]);

  // Markers are made when the sites change and only restyled on selection, so focus stays on them.
  const byId = useRef(new Map<string, L.Marker>());
  useEffect(() => {
    const group = markers.current;
    if (!group) return;
    group.clearLayers();
    byId.current.clear();
    for (const s of sites) {
      const icon = L.divIcon({
        className: 'site-marker',
        html: `<span style="background:${SITE_TYPE_COLOURS[s.type] ?? '#595959'}"></span>`,
        iconSize: [20, 20],
      });
      const marker = L.marker([s.lat, s.lng], { icon, keyboard: true });
      marker.on('click', () => select.current?.(s.id)).addTo(group);
      byId.current.set(s.id, marker);
      const el = marker.getElement();
      if (!el) continue;
      el.setAttribute('aria-label', t('sites.markerLabel', { name: s.name, type: t(`siteType.${s.type}`) }));
      el.dataset.siteId = s.id;
      el.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        select.current?.(s.id);
      });
    }
  }, [sites, t]);

  useEffect(() => {
    for (const [id, marker] of byId.current) {
      const selected = id === selectedId;
      marker.setZIndexOffset(selected ? 1000 : 0);
      const el = marker.getElement();
      el?.classList.toggle('selected', selected);
      el?.setAttribute('aria-pressed', String(selected));
    }
  }, [selectedId, sites, t]);

  return (
    <TileFigure attribution={attribution}>
      <div ref={box} className="tile-map" data-testid="tile-map" />
    </TileFigure>
  );
}
