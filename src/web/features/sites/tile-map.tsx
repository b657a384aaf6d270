import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_TYPE_COLOURS } from '../../components/labels.js';
import type { MapProps } from './sites-map.js';
import { addTiles } from './tile-layer.js';
import './tile-map.css';

interface Props extends MapProps {
  tileUrl: string;
  attribution: string | null;
  /** Every visible tile failed: the caller falls back to the plain map. */
  onTilesFailed: () => void;
}

/** With no sites the map shows the whole world, zoomed out. */
const WORLD: L.LatLngTuple = [20, 105];
const FIT: L.FitBoundsOptions = { padding: [32, 32], maxZoom: 16 };

/**
 * Sites on raster tiles (Leaflet, a lazy chunk). Markers are buttons reachable by Tab, named
 * by the site and its type, picked with Enter or Space. A tile that fails is hidden (no broken
 * image); when no tile loads at all, `onTilesFailed` switches to the plain map.
 */
export function TileMap({ sites, selectedId, onSelect, label, tileUrl, attribution, onTilesFailed }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const bounds = useRef<L.LatLngBounds | null>(null);
  const failed = useRef(onTilesFailed);
  failed.current = onTilesFailed;
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { attributionControl: false, zoomControl: false, zoomSnap: 0.25 }).setView(WORLD, 2);
    addTiles(m, tileUrl, () => failed.current());
    markers.current = L.layerGroup().addTo(m);
    map.current = m;
    // Care mode, the language or the window change the box: redraw and fit the sites again.
    const resized = new ResizeObserver(() => {
      m.invalidateSize();
      if (bounds.current) m.fitBounds(bounds.current, FIT);
    });
    resized.observe(box.current);
    return () => {
      resized.disconnect();
      m.remove();
      map.current = null;
      markers.current = null;
    };
  }, [tileUrl]);

  // The container is the map's keyboard target (arrows pan, +/- zoom): a named region.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label ?? t('sites.mapLabel', { count: sites.length }));
  }, [t, sites.length, label]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const zoom = L.control.zoom({ zoomInTitle: t('sites.zoomIn'), zoomOutTitle: t('sites.zoomOut') }).addTo(m);
    return () => void zoom.remove();
  }, [t, tileUrl]);

  useEffect(() => {
    const m = map.current;
    bounds.current = sites.length > 0 ? L.latLngBounds(sites.map((s) => [s.lat, s.lng] as L.LatLngTuple)) : null;
    if (m && bounds.current) m.fitBounds(bounds.current, FIT);
  }, [sites]);

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
    <figure className="tile-map-figure">
      <div ref={box} className="tile-map" data-testid="tile-map" />
      {attribution && <figcaption className="map-attribution">{attribution}</figcaption>}
    </figure>
  );
}
