import type { GrantRole } from '../../../common/contract/roles.js';
import { ROLE_SCOPE } from '../../../common/enums.js';
import { forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById } from '../organisations/index.js';
import { regionByCode } from '../regions/index.js';
import { siteById } from '../sites/index.js';
import { ADMIN_ROLES, hasRole, isSystemAdmin, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import * as repo from './roles.repository.js';

type GrantRow = NonNullable<Awaited<ReturnType<typeof repo.grantById>>>;

export const presentGrant = (g: GrantRow) => ({
  id: g.id,
  userId: g.user_id,
  role: g.role,
  scopeType: g.scope_type,
  scopeId: g.scope_id,
  grantedBy: g.granted_by,
  createdAt: g.created_at,
});

/** Checks that the scope exists and suits the role. */
async function checkScope(db: Db, g: GrantRole): Promise<void> {
  const expected = ROLE_SCOPE[g.role];
  if (g.scopeType !== expected) {
    throw ruleBroken('scopeType', 'role_scope_type', `the role ${g.role} is granted at scope type "${expected}"`, {
      expected,
    });
  }
  const missing = (what: string) => ruleBroken('scopeId', 'no_such_scope', `${what} "${g.scopeId}" does not exist`);
  if (g.scopeType === 'system' && g.scopeId !== 'system') {
    throw ruleBroken('scopeId', 'system_scope_id', 'the system scope has the id "system"');
  }
  if (g.scopeType === 'region' && !(await regionByCode(db, g.scopeId))) throw missing('region');
  if (g.scopeType === 'organisation') {
    const org = await organisationById(db, g.scopeId);
    if (!org) throw missing('organisation');
    if (g.role === 'department_admin' && org.kind !== 'department') {
      throw ruleBroken(
        'scopeId',
        'not_a_department',
        'department_admin is granted on an organisation of kind department',
      );
    }
  }
  if (g.scopeType === 'site') {
    const site = await siteById(db, g.scopeId);
    if (!site) throw missing('site');
    if (g.role === 'clerk' && site.type !== 'supermarket') {
      throw ruleBroken('scopeId', 'clerk_needs_supermarket', 'a clerk serves a site of type supermarket');
    }
  }
}

/**
 * Grants a role. The grantor must administer the scope; only system admins grant
 * system_admin, and the self-service roles (volunteer, resident) come with registration.
 */
export async function grantRole(db: Db, actor: Actor, g: GrantRole) {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden();
  if (g.role === 'system_admin' && !isSystemAdmin(actor)) throw forbidden('Only a system admin grants system_admin');
  if ((g.role === 'volunteer' || g.role === 'resident') && !isSystemAdmin(actor)) {
    throw forbidden('The volunteer and resident roles come with registration');
  }
  await checkScope(db, g);
  if (!(await new Policy(db).adminsScope(actor, g.scopeType, g.scopeId))) {
    throw forbidden('You do not administer that scope');
  }
  if (!(await repo.userExists(db, g.userId))) throw notFound('User');
  if (await repo.findGrant(db, g))
    throw refusal('DUPLICATE', 'role_held', 'The user already holds that role in that scope');
  const row = await db.transaction().execute(async (trx) => {
    const r = await repo.insertGrant(trx, { ...g, grantedBy: actor.userId });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'role.grant',
      entityType: 'user',
      entityId: g.userId,
      details: { role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, grantId: r.id },
    });
    return r;
  });
  return presentGrant(row);
}

/** Revokes a grant; the same admins who could grant it. */
export async function revokeRole(db: Db, actor: Actor, grantId: string): Promise<void> {
  const g = await repo.grantById(db, grantId);
  if (!g || !hasRole(actor, ...ADMIN_ROLES)) throw notFound('Role grant');
  const policy = new Policy(db);
  const allowed =
    g.role === 'system_admin' ? isSystemAdmin(actor) : await policy.adminsScope(actor, g.scope_type, g.scope_id);
  if (!allowed) throw notFound('Role grant');
  await db.transaction().execute(async (trx) => {
    await repo.deleteGrant(trx, grantId);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'role.revoke',
      entityType: 'user',
      entityId: g.user_id,
      details: { role: g.role, scopeType: g.scope_type, scopeId: g.scope_id, grantId },
    });
  });
}

/**
 * A user's grants, read by: the user themself and system admins (all of them); a region admin
 * over the person's region (all of them: the duty covers the person); a department admin of
 * whose department the person is an active member (only the grants in scopes that admin
 * administers, the ones they may revoke). Anyone else who is no admin: 403; an admin out of
 * scope, or no such user: 404.
 */
export async function grantsOfUser(db: Db, actor: Actor, userId: string) {
  const own = actor.userId === userId || isSystemAdmin(actor);
  if (!own && !hasRole(actor, 'region_admin', 'department_admin')) {
    throw forbidden('Only the person, and region, department and system admins read role grants');
  }
  const person = await repo.personScopeFacts(db, userId);
  if (!person) throw notFound('User');
  const grants = await repo.grantsOf(db, userId);
  if (own) return grants.map(presentGrant);
  const policy = new Policy(db);
  if (person.regionCode && (await policy.adminsRegion(actor, person.regionCode))) return grants.map(presentGrant);
  const sight = person.volunteerId ? await policy.sightOf(actor, person.volunteerId) : null;
  const departments = scopesOf(actor, ['department_admin'], 'organisation');
  if (sight?.kind !== 'membership' || !sight.via.some((id) => departments.includes(id))) throw notFound('User');
  const shown: GrantRow[] = [];
  for (const g of grants) if (await policy.adminsScope(actor, g.scope_type, g.scope_id)) shown.push(g);
  return shown.map(presentGrant);
}
