import type { Me } from '../../../common/contract/auth.js';

/** The sites this person manages (site_manager grants at site scope), in grant order. */
export const managedSiteIds = (me: Me | null | undefined): string[] => [
  ...new Set(
    (me?.roles ?? []).filter((g) => g.role === 'site_manager' && g.scopeType === 'site').map((g) => g.scopeId),
  ),
];

/** Whether the header and Me offer the site manager's console. */
export const managesSite = (me: Me | null | undefined): boolean => managedSiteIds(me).length > 0;
