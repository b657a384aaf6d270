import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getSite } from '../../api/supermarkets.api.js';
import { siteKeys, type Site } from '../../api/sites.api.js';
import { useSession } from '../auth/use-session.js';
import { managedSiteIds } from './site-manager-roles.js';

/**
 * The sites I manage, and the one the console shows: `?site=` when it is one of mine, else
 * the first. Shares the `['site', id]` cache entries with the counter.
 */
export function useManagedSite() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const ids = managedSiteIds(me);
  const queries = useQueries({
    queries: ids.map((id) => ({ queryKey: siteKeys.one(id), queryFn: () => getSite(id), staleTime: 300_000 })),
  });
  const sites = queries.flatMap((q) => (q.data ? [q.data] : []));
  const wanted = params.get('site');
  const current: Site | null = sites.find((s) => s.id === wanted) ?? sites[0] ?? null;
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('site', id);
    setParams(next);
  };
  const error = queries.find((q) => q.isError)?.error ?? null;
  return { sites, current, choose, pending: queries.some((q) => q.isPending), error };
}
