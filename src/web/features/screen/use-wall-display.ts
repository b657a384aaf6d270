import { useSyncExternalStore } from 'react';

/** At least this much room lays the screen out as one wall display; less lets it flow and scroll. */
const WALL = '(min-width: 1600px) and (min-height: 800px)';
/** The width the screen is drawn for; wider windows scale it up. */
const DESIGN_WIDTH = 1920;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** Whether the window is big enough to show the whole screen at once. */
export function useWallDisplay(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(WALL).matches);
}

/**
 * How much larger than at 1920 px the screen is drawn (1 up to 1920 px, 2 on a 4K display at
 * 1:1), as its CSS type grows with the width; the charts' type follows.
 */
export function useScreenScale(): number {
  return useSyncExternalStore(subscribe, () => Math.max(1, Math.round((window.innerWidth / DESIGN_WIDTH) * 20) / 20));
}
