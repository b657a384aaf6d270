import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { getSite } from '../../api/supermarkets.api.js';
import { useSession } from '../auth/use-session.js';
import { COUNTER_ROLES } from './counter-roles.js';

const STORAGE_KEY = 'shanmei.counter.site';
export interface SupermarketOption {
  id: string;
  name: string;
}

/** The supermarkets I staff (from my site grants), and for admins those under their scopes. */
export function useMySupermarkets(): { items: SupermarketOption[]; pending: boolean } {
  const { me } = useSession();
  const roles = me?.roles ?? [];
  const siteIds = [
    ...new Set(roles.filter((g) => COUNTER_ROLES.includes(g.role) && g.scopeType === 'site').map((g) => g.scopeId)),
  ];
  const sites = useQueries({
    queries: siteIds.map((id) => ({ queryKey: siteKeys.one(id), queryFn: () => getSite(id), staleTime: 300_000 })),
  });
  const system = roles.some((g) => g.role === 'system_admin');
  const regions = roles.filter((g) => g.role === 'region_admin').map((g) => g.scopeId);
  const orgs = roles.filter((g) => g.role === 'department_admin' || g.role === 'team_admin').map((g) => g.scopeId);
  const scopes = system
    ? [{}]
    : [...regions.map((region) => ({ region })), ...orgs.map((o) => ({ organisationId: o }))];
  const wide = useQueries({
    queries: scopes.map((s) => ({
      queryKey: siteKeys.supermarkets(s),
      queryFn: () => listSites({ ...s, type: 'supermarket', limit: 200 }),
      staleTime: 300_000,
    })),
  });
  const items = new Map<string, string>();
  for (const q of sites) if (q.data?.type === 'supermarket') items.set(q.data.id, q.data.name);
  for (const q of wide) for (const s of q.data?.items ?? []) items.set(s.id, s.name);
  const pending = sites.some((q) => q.isPending) || wide.some((q) => q.isPending);
  return { items: [...items].map(([id, name]) => ({ id, name })), pending };
}

/** The supermarket the counter works on: `?site=` in the URL, else the last one used, else my first. */
export function useCurrentSupermarket(): [SupermarketOption | null, (id: string) => void, boolean] {
  const [params, setParams] = useSearchParams();
  const mine = useMySupermarkets();
  const fromUrl = params.get('site');
  const stored = localStorage.getItem(STORAGE_KEY);
  const find = (id: string | null) => mine.items.find((s) => s.id === id) ?? null;
  const current = find(fromUrl) ?? find(stored) ?? mine.items[0] ?? null;
  const set = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    const next = new URLSearchParams(params);
    next.set('site', id);
    setParams(next);
  };
  return [current, set, mine.pending];
}
