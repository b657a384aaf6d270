import { useQueries } from '@tanstack/react-query';
import { activityKeys, getActivity } from '../../api/activities.api.js';

/** Titles of the given activities (records carry only the id), fetched once each and cached. */
export function useActivityTitles(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: activityKeys.one(id),
      queryFn: () => getActivity(id),
      staleTime: 5 * 60_000,
    })),
  });
  const titles = new Map<string, string>();
  results.forEach((r, i) => {
    if (r.data) titles.set(unique[i] ?? '', r.data.title);
  });
  return titles;
}
