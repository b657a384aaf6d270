import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me } from '../../../common/contract/auth.js';
import type { Role } from '../../../common/enums.js';
import { authKeys, fetchMe, logout } from '../../api/auth.api.js';

/** Roles that open the administration console. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'region_admin', 'department_admin'];

export const isAdmin = (me: Me | null | undefined): boolean => !!me?.roles.some((g) => ADMIN_ROLES.includes(g.role));

/** Roles that open the organiser console: team and department admins in their scopes, region and system admins anywhere. */
export const ORGANISER_ROLES: readonly Role[] = ['team_admin', 'department_admin', 'region_admin', 'system_admin'];

export const isOrganiser = (me: Me | null | undefined): boolean =>
  !!me?.roles.some((g) => ORGANISER_ROLES.includes(g.role));

/** The logged-in person (null when anonymous), shared by every page through the query cache. */
export function useSession() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 60_000 });
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: authKeys.me }), [client]);
  /** Ends the session; `{ ended: true }` when the server has ended it already (a closed account). */
  const signOut = useCallback(
    async (opts: { ended?: boolean } = {}) => {
      if (!opts.ended) await logout().catch(() => undefined);
      client.setQueryData(authKeys.me, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
    },
    [client],
  );
  return { me: query.data ?? null, loading: query.isPending, refresh, signOut };
}
