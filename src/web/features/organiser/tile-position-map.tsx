import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import '../sites/tile-map.css';
import { FIT, TileFigure, useTileMap, WORLD, type TileSource } from '../sites/use-tile-map.js';
import type { PositionMapProps } from './position-picker.js';
import { arrowStep } from './position-keys.js';
import './position-map.css';

type Props = PositionMapProps & TileSource;
const PIN = L.divIcon({ className: 'position-pin', html: '<span></span>', iconSize: [24, 24], iconAnchor: [12, 24] });

/**
 * Picking a position on raster tiles (Leaflet, a lazy chunk): a click or tap sets it; with the
 * focus on the map the arrow keys move the marker (Shift: further) instead of panning, and the
 * + and − buttons zoom. The organisation's sites are drawn as grey reference points.
 */
export function TilePositionMap(props: Props) {
  const { value, read, onPick, references, disabled, label, describedBy, tileUrl, attribution, onTilesFailed } = props;
  const box = useRef<HTMLDivElement>(null);
  const marker = useRef<L.Marker | null>(null);
  const refs = useRef<L.LayerGroup | null>(null);
  const latest = useRef({ onPick, disabled, value, references });
  latest.current = { onPick, disabled, value, references };

  // The arrow keys move the marker, not the map: Leaflet's own keyboard handling is off.
  const map = useTileMap(box, { tileUrl, attribution, onTilesFailed }, { keyboard: false, zoomSnap: 0.25 }, (m) => {
    m.on('click', (e: L.LeafletMouseEvent) => {
      if (!latest.current.disabled) latest.current.onPick({ lat: e.latlng.lat, lng: e.latlng.lng });
    });
    const { value: start, references: around } = latest.current;
    const points = [...around, ...(start ? [start] : [])].map((p) => [p.lat, p.lng] as L.LatLngTuple);
    if (points.length > 0) m.fitBounds(L.latLngBounds(points), FIT);
    else m.setView(WORLD, 2);
    refs.current = L.layerGroup().addTo(m);
    return () => {
      marker.current = null;
      refs.current = null;
    };
  });

  useEffect(() => {
    const group = refs.current;
    if (!group) return;
    group.clearLayers();
    for (const p of references) {
      L.circleMarker([p.lat, p.lng], { radius: 5, interactive: false, className: 'position-reference' }).addTo(group);
    }
  }, [references, tileUrl, map]);

  // The marker follows the value (a click, a key or the number fields) and is panned into view.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at = L.latLng(value.lat, value.lng);
    if (marker.current) marker.current.setLatLng(at);
    else marker.current = L.marker(at, { icon: PIN, keyboard: false, interactive: false }).addTo(m);
    if (!m.getBounds().contains(at)) m.panTo(at);
  }, [value, tileUrl, map]);

  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const m = map.current;
    const step = arrowStep(e);
    if (!m || !step || disabled) return;
    e.preventDefault();
    const now = read();
    const from = now ? m.latLngToContainerPoint([now.lat, now.lng]) : m.getSize().divideBy(2);
    const to = m.containerPointToLatLng(from.add([step.dx, step.dy]));
    onPick({ lat: to.lat, lng: to.lng });
  };

  return (
    <TileFigure attribution={attribution}>
      <div
        ref={box}
        className="tile-map position-map"
        role="application"
        aria-label={label}
        aria-describedby={describedBy}
        aria-disabled={disabled}
        tabIndex={disabled ? -1 : 0}
        onKeyDown={key}
        data-testid="position-map"
      />
    </TileFigure>
  );
}
