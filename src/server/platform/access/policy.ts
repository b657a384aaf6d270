import type { Role } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import * as repo from './access.repository.js';

/** Who is calling: resolved once per request by the auth plugin. */
export interface Actor {
  userId: string;
  via: 'session' | 'bearer';
  sessionId: string | null;
  csrfToken: string | null;
  grants: repo.GrantRow[];
  /**
   * The caller's volunteer id, read with the session (null: not a volunteer); absent where
   * an actor is made without one (jobs, the demo), and then looked up when needed.
   */
  volunteerId?: string | null;
}

export type Sight = { kind: 'self' } | { kind: 'duty' } | { kind: 'membership'; via: string[] };

/** Roles that administer what lies under their scope, from strongest to weakest. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'region_admin', 'department_admin', 'team_admin'];

export const scopesOf = (actor: Actor, roles: readonly Role[], scopeType: string): string[] =>
  actor.grants.filter((g) => roles.includes(g.role) && g.scope_type === scopeType).map((g) => g.scope_id);

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean =>
  !!actor && actor.grants.some((g) => roles.includes(g.role));

export const isSystemAdmin = (actor: Actor | null): boolean => hasRole(actor, 'system_admin');

/**
 * The one place that answers "may this actor act on that thing". Every route asks here;
 * each check is a look-up in a closure table, so it stays fast on deep, wide trees.
 */
export class Policy {
  constructor(private readonly db: Db) {}

  /** Region admins of the region or above it (and system admins). */
  async adminsRegion(actor: Actor, code: string): Promise<boolean> {
    if (isSystemAdmin(actor)) return true;
    return repo.regionUnderAny(this.db, scopesOf(actor, ['region_admin'], 'region'), code);
  }

  /**
   * Admins of an organisation: system admins, region admins over its region, department or
   * team admins of it or an ancestor, and department admins of its supervising department.
   */
  async adminsOrganisation(actor: Actor, id: string, roles: readonly Role[] = ADMIN_ROLES): Promise<boolean> {
    if (roles.includes('system_admin') && isSystemAdmin(actor)) return true;
    const org = await repo.organisationScopeFacts(this.db, id);
    if (!org) return false;
    if (roles.includes('region_admin') && (await this.adminsRegion(actor, org.region_code))) return true;
    const orgRoles = roles.filter((r) => r === 'department_admin' || r === 'team_admin');
    const scopes = scopesOf(actor, orgRoles, 'organisation');
    if (await repo.organisationUnderAny(this.db, scopes, id)) return true;
    if (org.department_id && roles.includes('department_admin')) {
      const deptScopes = scopesOf(actor, ['department_admin'], 'organisation');
      return repo.organisationUnderAny(this.db, deptScopes, org.department_id);
    }
    return false;
  }

  /** Site staff (manager, clerk — as asked) and admins of its organisation or region. */
  async actsForSite(actor: Actor, id: string, siteRoles: readonly Role[] = ['site_manager']): Promise<boolean> {
    if (isSystemAdmin(actor)) return true;
    if (scopesOf(actor, siteRoles, 'site').includes(id)) return true;
    const site = await repo.siteScopeFacts(this.db, id);
    if (!site) return false;
    if (await this.adminsRegion(actor, site.region_code)) return true;
    return site.organisation_id ? this.adminsOrganisation(actor, site.organisation_id) : false;
  }

  /** A volunteer's own record, or admins over their region or one of their teams. */
  async seesVolunteer(actor: Actor, volunteerId: string): Promise<'self' | 'admin' | false> {
    const sight = await this.sightOf(actor, volunteerId);
    return sight === null ? false : sight.kind === 'self' ? 'self' : 'admin';
  }

  /**
   * How the actor sees a volunteer: as that person; through a duty over the person's region
   * (system and region admins); through an active membership — one the person accepted — in
   * an organisation the actor administers (`via`: the actor's scopes that hold it, to which
   * what they see is limited); or not at all. An invitation not accepted gives no sight.
   */
  async sightOf(actor: Actor, volunteerId: string): Promise<Sight | null> {
    const v = await repo.volunteerScopeFacts(this.db, volunteerId);
    if (!v) return null;
    if (v.user_id === actor.userId) return { kind: 'self' };
    if (isSystemAdmin(actor) || (await this.adminsRegion(actor, v.region_code))) return { kind: 'duty' };
    const orgScopes = scopesOf(actor, ['department_admin', 'team_admin'], 'organisation');
    const via = await repo.organisationsHolding(this.db, orgScopes, v.organisationIds);
    return via.length ? { kind: 'membership', via } : null;
  }

  /** Whether the actor administers a scope (region code, organisation id or site id). */
  async adminsScope(actor: Actor, scopeType: string, scopeId: string): Promise<boolean> {
    switch (scopeType) {
      case 'system':
        return isSystemAdmin(actor);
      case 'region':
        return this.adminsRegion(actor, scopeId);
      case 'organisation':
        return this.adminsOrganisation(actor, scopeId);
      case 'site':
        return this.actsForSite(actor, scopeId, []);
      default:
        return false;
    }
  }
}
