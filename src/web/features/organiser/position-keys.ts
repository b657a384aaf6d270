import type { KeyboardEvent } from 'react';
import type { GeoPoint } from '../sites/map-projection.js';

/** How far an arrow key moves the marker on the map, in screen pixels; Shift moves it further. */
const STEP_PX = 8;
const FAR_PX = 40;

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/** The move an arrow key asks for (screen pixels, y downwards), or null for any other key. */
export function arrowStep(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): { dx: number; dy: number } | null {
  const d = DIRECTIONS[e.key];
  if (!d) return null;
  const px = e.shiftKey ? FAR_PX : STEP_PX;
  return { dx: d[0] * px, dy: d[1] * px };
}

/** A position to six decimal places (about 10 cm), as the form's fields show it. */
export const roundPosition = (p: GeoPoint): GeoPoint => ({
  lat: Math.round(p.lat * 1e6) / 1e6,
  lng: Math.round(p.lng * 1e6) / 1e6,
});
