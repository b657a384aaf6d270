import type { CreateOrganisation } from '../../../common/contract/organisations.js';
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { hasRole, Policy, type Actor } from '../access/policy.js';
import { appendAudit } from '../audit/audit.repository.js';
import { regionByCode } from '../regions/regions.repository.js';
import * as repo from './organisations.repository.js';
import { presentMembership, presentOrganisation } from './organisations.presenter.js';

/**
 * Creates an organisation. Region admins create within their region; admins of an
 * organisation create below it. A child serves a region inside its parent's region.
 */
export async function createOrganisation(db: Db, actor: Actor, body: CreateOrganisation) {
  const policy = new Policy(db);
  if (!hasRole(actor, 'system_admin', 'region_admin', 'department_admin', 'team_admin')) throw forbidden();
  const region = await regionByCode(db, body.regionCode);
  if (!region)
    throw new AppError('RULE_VIOLATION', `regionCode: region "${body.regionCode}" does not exist`, {
      field: 'regionCode',
    });
  const parent = body.parentId ? await repo.organisationById(db, body.parentId) : undefined;
  if (body.parentId && !parent) {
    throw new AppError('RULE_VIOLATION', `parentId: organisation "${body.parentId}" does not exist`, {
      field: 'parentId',
    });
  }
  const allowed =
    (await policy.adminsRegion(actor, body.regionCode)) ||
    (parent !== undefined && (await policy.adminsOrganisation(actor, parent.id)));
  if (!allowed) throw forbidden('You administer neither this region nor the parent organisation');
  if (parent && !(await repo.regionWithin(db, parent.region_code, body.regionCode))) {
    throw new AppError('RULE_VIOLATION', `regionCode: must lie within the parent's region ${parent.region_code}`, {
      field: 'regionCode',
    });
  }
  let departmentId = body.departmentId ?? null;
  if (departmentId) {
    const dept = await repo.organisationById(db, departmentId);
    if (!dept || dept.kind !== 'department') {
      throw new AppError('RULE_VIOLATION', 'departmentId: must name an organisation of kind department', {
        field: 'departmentId',
      });
    }
  } else if (parent) {
    departmentId = parent.kind === 'department' ? parent.id : parent.department_id;
  }
  const known = await repo.knownFieldCodes(db);
  const unknown = body.fields.filter((f) => !known.has(f));
  if (unknown.length) {
    throw new AppError('RULE_VIOLATION', `fields: unknown service field "${unknown.join('", "')}"`, {
      field: 'fields',
    });
  }
  const id = await db.transaction().execute(async (trx) => {
    const newId = await repo.insertOrganisation(trx, {
      name: body.name,
      kind: body.kind,
      level: body.level,
      regionCode: body.regionCode,
      parentId: parent?.id ?? null,
      departmentId,
      fields: [...new Set(body.fields)],
      description: body.description ?? null,
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: newId,
    });
    return newId;
  });
  return getOrganisation(db, id);
}

export async function getOrganisation(db: Db, id: string) {
  const org = await repo.organisationById(db, id);
  if (!org) throw notFound('Organisation');
  return presentOrganisation(org, await repo.pathOf(db, id));
}

/** Who to add: exactly one of the two (the contract checks that). */
export interface MemberRef {
  volunteerId?: string;
  volunteerCode?: string;
}

/** Adds a volunteer (by id or by volunteer code) to an organisation; admins of the organisation only. */
export async function addMember(db: Db, actor: Actor, orgId: string, who: MemberRef, role: string) {
  const policy = new Policy(db);
  const org = await repo.organisationById(db, orgId);
  if (!org) throw notFound('Organisation');
  if (!(await policy.adminsOrganisation(actor, orgId))) throw forbidden('You do not administer this organisation');
  let volunteerId: string;
  if (who.volunteerCode !== undefined) {
    const found = await repo.volunteerIdByCode(db, who.volunteerCode);
    if (!found) {
      throw new AppError('RULE_VIOLATION', `volunteerCode: no volunteer has the code "${who.volunteerCode}"`, {
        field: 'volunteerCode',
      });
    }
    volunteerId = found;
  } else {
    volunteerId = who.volunteerId ?? '';
  }
  if (!(await repo.volunteerExists(db, volunteerId))) {
    throw new AppError('RULE_VIOLATION', `volunteerId: volunteer "${volunteerId}" does not exist`, {
      field: 'volunteerId',
    });
  }
  if (await repo.findMembership(db, orgId, volunteerId)) {
    throw new AppError('DUPLICATE', 'The volunteer is already a member of this organisation');
  }
  const row = await db.transaction().execute(async (trx) => {
    const m = await repo.insertMembership(trx, { organisationId: orgId, volunteerId, role });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'membership.add',
      entityType: 'organisation',
      entityId: orgId,
      details: { volunteerId, role },
    });
    return m;
  });
  return presentMembership(row);
}

export async function listMembers(db: Db, actor: Actor, orgId: string, afterId: string | undefined, limit: number) {
  const org = await repo.organisationById(db, orgId);
  if (!org) throw notFound('Organisation');
  if (!(await new Policy(db).adminsOrganisation(actor, orgId)))
    throw forbidden('You do not administer this organisation');
  const rows = await repo.listMembers(db, orgId, afterId, limit);
  return rows.map((r) => ({
    ...presentMembership(r),
    volunteerName: r.volunteer_name,
    volunteerCode: r.volunteer_code,
  }));
}
