import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REGION_CODES_MAX } from '../../../common/contract/regions.js';
import { regionKeys, regionsByCodes } from '../../api/regions.api.js';

/**
 * Region names for the codes a table shows, looked up in batches of at most
 * REGION_CODES_MAX through GET /regions?codes= and kept per code, so paging on asks only
 * for codes not seen before. Until a name is known (or for an unknown code) the code shows.
 */
export function useRegionNames(codes: readonly (string | null | undefined)[]): (code: string) => string {
  const client = useQueryClient();
  const cached = (code: string) => client.getQueryData<string | null>(regionKeys.name(code));
  const missing = [...new Set(codes)].filter((c): c is string => !!c && cached(c) === undefined).sort();
  useQuery({
    queryKey: regionKeys.names(missing),
    enabled: missing.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      for (let i = 0; i < missing.length; i += REGION_CODES_MAX) {
        const batch = missing.slice(i, i + REGION_CODES_MAX);
        const { items } = await regionsByCodes(batch);
        const names = new Map(items.map((r) => [r.code, r.name]));
        for (const code of batch) client.setQueryData(regionKeys.name(code), names.get(code) ?? null);
      }
      return missing.length;
    },
  });
  return (code: string) => cached(code) ?? code;
}
