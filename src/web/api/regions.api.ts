import type { z } from 'zod';
import type { Region, RegionList } from '../../common/contract/regions.js';
import { api } from './http-client.js';

export type { Region };

/** The children of `parent`, or the top-level regions. */
export const listRegions = (parent?: string | null) =>
  api.get<z.infer<typeof RegionList>>('/regions', { parent: parent ?? undefined });

/** The regions with these codes (at most REGION_CODES_MAX), for showing names in place of codes. */
export const regionsByCodes = (codes: readonly string[]) =>
  api.get<z.infer<typeof RegionList>>('/regions', { codes: codes.join(',') });

/** React Query keys of regions. */
export const regionKeys = {
  children: (parent: string | null | undefined) => ['regions', parent] as const,
  name: (code: string) => ['region-name', code] as const,
  names: (codes: readonly string[]) => ['region-names', codes] as const,
  /** Every region path (a region and its ancestors), as `path` keys them. */
  paths: ['region-path'] as const,
  path: (code: string | undefined) => ['region-path', code] as const,
};
