import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getOrganisation, organisationKeys } from '../../api/organisations.api.js';
import { useSession } from '../auth/use-session.js';

const STORAGE_KEY = 'shanmei.organiser.org';

/**
 * The organisations I organise for: team_admin and department_admin grants name them.
 * Region and system admins organise anywhere in scope, so they pick one by name.
 */
export function useMyOrganisations() {
  const { me } = useSession();
  const ids = [
    ...new Set(
      (me?.roles ?? [])
        .filter((g) => (g.role === 'team_admin' || g.role === 'department_admin') && g.scopeType === 'organisation')
        .map((g) => g.scopeId),
    ),
  ];
  const orgs = useQueries({
    queries: ids.map((id) => ({ queryKey: organisationKeys.one(id), queryFn: () => getOrganisation(id) })),
  });
  const wide = !!me?.roles.some((g) => g.role === 'region_admin' || g.role === 'system_admin');
  return {
    wide,
    items: ids.map((id, i) => ({ id, name: orgs[i]?.data?.name ?? id })),
  };
}

/** The organisation the console works on: `?org=` in the URL, else the last one used, else my first. */
export function useCurrentOrganisation(): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const mine = useMyOrganisations();
  const fromUrl = params.get('org');
  const stored = localStorage.getItem(STORAGE_KEY);
  const allowed = (id: string | null) => !!id && (mine.wide || mine.items.some((o) => o.id === id));
  const current = allowed(fromUrl) ? fromUrl : allowed(stored) ? stored : (mine.items[0]?.id ?? null);
  const set = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    const next = new URLSearchParams(params);
    next.set('org', id);
    setParams(next);
  };
  return [current, set];
}
