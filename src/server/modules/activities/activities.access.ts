import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';

/** Whether the actor organises activities of the organisation (any admin over it). */
export async function organises(db: Db, actor: Actor | null, organisationId: string): Promise<boolean> {
  return !!actor && hasRole(actor, ...ADMIN_ROLES) && new Policy(db).adminsOrganisation(actor, organisationId);
}

/**
 * Organiser-only actions on an activity. Callers without any admin role get 403; admins
 * of other organisations get 404 for a draft (they may not know it exists) and 403 for a
 * published or cancelled activity, which anyone can see.
 */
export async function requireOrganiser(
  db: Db,
  actor: Actor,
  activity: { organisation_id: string; status: string },
  what = 'Activity',
): Promise<void> {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers of this activity may do this');
  if (await new Policy(db).adminsOrganisation(actor, activity.organisation_id)) return;
  if (activity.status === 'draft') throw notFound(what);
  throw forbidden('You do not organise this activity');
}
