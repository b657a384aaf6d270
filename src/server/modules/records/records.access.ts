import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';

/** 403 for callers who administer nothing at all: the endpoint is for organisers. */
export function requireOrganiserRole(actor: Actor): void {
  if (!hasRole(actor, ...ADMIN_ROLES))
    throw forbidden('Only organisers (team, department, region or system admins) may do this');
}

/**
 * Organisers of an organisation (Policy.adminsOrganisation). Callers without any admin role
 * get 403; admins elsewhere get 404 for `what`, so that what exists outside their scope
 * does not leak.
 */
export async function requireOrganiserOf(db: Db, actor: Actor, organisationId: string, what: string): Promise<void> {
  requireOrganiserRole(actor);
  if (!(await new Policy(db).adminsOrganisation(actor, organisationId))) throw notFound(what);
}
