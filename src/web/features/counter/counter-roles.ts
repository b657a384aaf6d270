import type { Me } from '../../../common/contract/auth.js';
import type { Role } from '../../../common/enums.js';

/** Roles that staff a counter at a site scope. */
export const COUNTER_ROLES: readonly Role[] = ['clerk', 'site_manager'];
/** Admins who act for any supermarket under their scope (and may reverse redemptions there). */
const WIDE_ROLES: readonly Role[] = ['system_admin', 'region_admin', 'department_admin', 'team_admin'];

/** Whether the counter is for this person at all: counter staff or an admin over supermarkets. */
export const isCounterStaff = (me: Me | null | undefined): boolean =>
  !!me?.roles.some((g) => COUNTER_ROLES.includes(g.role) || WIDE_ROLES.includes(g.role));

/**
 * Whether the header offers the counter: clerks, whose scope is always a supermarket. A site
 * manager's site may be any kind of site, so they reach the counter from their own console,
 * which knows the site's type; admins reach it from the administration console.
 */
export const runsCounter = (me: Me | null | undefined): boolean => !!me?.roles.some((g) => g.role === 'clerk');

/** Reversal is for site managers of the site and admins; a clerk alone never sees the button. */
export const canReverse = (me: Me | null | undefined, siteId: string): boolean =>
  !!me?.roles.some(
    (g) => WIDE_ROLES.includes(g.role) || (g.role === 'site_manager' && g.scopeType === 'site' && g.scopeId === siteId),
  );
