/** A point to place on the plain (tile-less) map. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Projection {
  width: number;
  height: number;
  project: (p: GeoPoint) => { x: number; y: number };
  /** The point drawn at (x, y): where a click on the map lands; null when nothing was fitted. */
  unproject: (at: { x: number; y: number }) => GeoPoint | null;
}

/**
 * An equirectangular projection fitted to the bounds of the points, longitudes scaled by
 * the cosine of the middle latitude so a city keeps its shape. Works with no tiles at all.
 */
export function fitProjection(points: readonly GeoPoint[], width: number, height: number, pad = 24): Projection {
  if (points.length === 0) {
    return { width, height, project: () => ({ x: width / 2, y: height / 2 }), unproject: () => null };
  }
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLng = Math.min(minLng, p.lng);
    maxLng = Math.max(maxLng, p.lng);
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // A single point (or a line) still needs a non-zero span: ~1 km around it.
  const spanX = Math.max((maxLng - minLng) * kx, 0.01);
  const spanY = Math.max(maxLat - minLat, 0.01);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const cx = (minLng + maxLng) / 2;
  const cy = (minLat + maxLat) / 2;
  return {
    width,
    height,
    project: (p) => ({
      x: width / 2 + (p.lng - cx) * kx * scale,
      y: height / 2 - (p.lat - cy) * scale,
    }),
    unproject: ({ x, y }) => ({
      lat: cy - (y - height / 2) / scale,
      lng: cx + (x - width / 2) / (kx * scale),
    }),
  };
}
