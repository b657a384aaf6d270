import type { CreateOrganisation } from '../../../common/contract/organisations.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { regionByCode } from '../regions/index.js';
import * as repo from './organisations.repository.js';
import { presentOrganisation } from './organisations.presenter.js';
import { stockCounted } from '../stats/index.js';

/**
 * Creates an organisation. Region admins create within their region; admins of an
 * organisation create below it. A child serves a region inside its parent's region.
 */
export async function createOrganisation(db: Db, actor: Actor, body: CreateOrganisation) {
  const policy = new Policy(db);
  if (!hasRole(actor, 'system_admin', 'region_admin', 'department_admin', 'team_admin')) throw forbidden();
  const region = await regionByCode(db, body.regionCode);
  if (!region) throw ruleBroken('regionCode', 'no_such_region', `region "${body.regionCode}" does not exist`);
  const parent = body.parentId ? await repo.organisationById(db, body.parentId) : undefined;
  if (body.parentId && !parent) {
    throw ruleBroken('parentId', 'no_such_organisation', `organisation "${body.parentId}" does not exist`);
  }
  const allowed =
    (await policy.adminsRegion(actor, body.regionCode)) ||
    (parent !== undefined && (await policy.adminsOrganisation(actor, parent.id)));
  if (!allowed) throw forbidden('You administer neither this region nor the parent organisation');
  if (parent && !(await repo.regionWithin(db, parent.region_code, body.regionCode))) {
    throw ruleBroken(
      'regionCode',
      'region_outside_parent',
      `must lie within the parent's region ${parent.region_code}`,
    );
  }
  let departmentId = body.departmentId ?? null;
  if (departmentId) {
    const dept = await repo.organisationById(db, departmentId);
    if (!dept || dept.kind !== 'department') {
      throw ruleBroken('departmentId', 'not_a_department', 'must name an organisation of kind department');
    }
  } else if (parent) {
    departmentId = parent.kind === 'department' ? parent.id : parent.department_id;
  }
  const known = await repo.knownFieldCodes(db);
  const unknown = body.fields.filter((f) => !known.has(f));
  if (unknown.length) {
    throw ruleBroken('fields', 'unknown_field', `unknown service field "${unknown.join('", "')}"`);
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
    if (body.kind === 'team') {
      await stockCounted(trx, { regionCode: body.regionCode, organisationId: newId, kind: `team:${body.level}` }, 1);
    }
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
