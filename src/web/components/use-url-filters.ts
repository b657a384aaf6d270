import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the page's URL query, so a filtered list can be bookmarked, shared and reloaded,
 * and back and forward step through the filters chosen. `names` lists the query keys; a missing
 * or empty key reads as ''. Setting '' (or undefined) removes the key. Each change is a new
 * history entry.
 */
export function useUrlFilters<K extends string>(
  names: readonly K[],
): [Record<K, string>, (patch: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
  const set = useCallback(
    (patch: Partial<Record<K, string | undefined>>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as [K, string | undefined][]) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      }),
    [setParams],
  );
  return [values, set];
}
