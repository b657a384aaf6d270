import { useState } from 'react';
import { usePublicConfig } from '../../components/use-public-config.js';
import type { TileSource } from './use-tile-map.js';

/**
 * Where a map's tiles come from: the installation's tile server (`SHANMEI_MAP_TILES`) until no
 * tile of it loads, then null (the plain map); `failed` says the tiles were given up on.
 */
export function useTileSource(): { source: TileSource | null; failed: boolean } {
  const config = usePublicConfig();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const tileUrl = config.data?.map.tileUrl ?? null;
  if (!tileUrl || failedUrl === tileUrl) return { source: null, failed: failedUrl !== null };
  return {
    source: { tileUrl, attribution: config.data?.map.attribution ?? null, onTilesFailed: () => setFailedUrl(tileUrl) },
    failed: false,
  };
}
