import type { Role } from '../../../common/enums.js';
import type { AppError } from '../../../common/errors.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { SitesTable } from '../../db/schema.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { siteById } from './goods.repository.js';

/** Who runs a counter: the site's clerks and managers (and admins over the site). */
export const COUNTER_ROLES: readonly Role[] = ['clerk', 'site_manager'];
/** Who may undo a redemption: managers and admins over the site, never a clerk alone. */
export const REVERSER_ROLES: readonly Role[] = ['site_manager'];

const notASupermarket = (): AppError =>
  ruleBroken('siteId', 'not_a_supermarket', 'this site is not a points supermarket (site type "supermarket")');

/**
 * The supermarket the actor staffs, by the access checklist: no role that could ever act
 * for a site → 403; a site they do not act for (or none) → 404; a site of another type → 422.
 */
export async function staffedSupermarket(
  db: Db,
  actor: Actor,
  siteId: string,
  siteRoles: readonly Role[] = COUNTER_ROLES,
): Promise<SitesTable> {
  if (!hasRole(actor, ...siteRoles, ...ADMIN_ROLES)) throw forbidden('Only the staff of a supermarket can do this');
  const site = await siteById(db, siteId);
  if (!site || !(await new Policy(db).actsForSite(actor, siteId, siteRoles))) throw notFound('Supermarket');
  if (site.type !== 'supermarket') throw notASupermarket();
  return site;
}

/** Whether the actor (if any) staffs the supermarket, without throwing: for the catalogue. */
export async function staffsSupermarket(db: Db, actor: Actor | null, siteId: string): Promise<boolean> {
  if (!actor || !hasRole(actor, ...COUNTER_ROLES, ...ADMIN_ROLES)) return false;
  return new Policy(db).actsForSite(actor, siteId, COUNTER_ROLES);
}

/** A supermarket anyone may look at: 404 for a missing site or one of another type. */
export async function publicSupermarket(db: Db, siteId: string): Promise<SitesTable> {
  const site = await siteById(db, siteId);
  if (!site || site.type !== 'supermarket') throw notFound('Supermarket');
  return site;
}
