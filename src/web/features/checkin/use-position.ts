export interface Position {
  lat: number;
  lng: number;
  accuracyM: number;
}

/** Why no position could be had: the person said no, or the device could not tell. */
export class PositionError extends Error {
  constructor(readonly reason: 'denied' | 'unavailable') {
    super(reason);
    this.name = 'PositionError';
  }
}

/** The phone's current position, asked for fresh at each scan (a cached one could be elsewhere). */
export function currentPosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new PositionError('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }),
      (e) => reject(new PositionError(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}
