import { useCallback, useState } from 'react';

export type NearMe =
  | { state: 'off' }
  | { state: 'locating' }
  | { state: 'on'; lat: number; lng: number }
  | { state: 'failed'; reason: 'denied' | 'unavailable' };

/** The browser's position, asked for only when the person presses "near me". */
export function useNearMe(): [NearMe, () => void, () => void] {
  const [near, setNear] = useState<NearMe>({ state: 'off' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) return setNear({ state: 'failed', reason: 'unavailable' });
    setNear({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => setNear({ state: 'on', lat: pos.coords.latitude, lng: pos.coords.longitude }),
      (err) => setNear({ state: 'failed', reason: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  }, []);
  const clear = useCallback(() => setNear({ state: 'off' }), []);
  return [near, locate, clear];
}
