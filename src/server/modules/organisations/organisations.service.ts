import type { CreateOrganisation } from '../../../common/contract/organisations.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../platform/db.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { regionByCode } from '../regions/index.js';
import * as repo from './organisations.repository.js';
import { presentOrganisation } from './organisations.presenter.js';
import { stockCounted } from '../stats/index.js';

/** What an import adds to an organisation's audit entry: the import and the row it came from. */
export interface CreationSource {
  importId: string;
  row: number;
}

/**
 * Creates an organisation. Region admins create within their region; admins of an
 * organisation create below it. A child serves a region inside its parent's region.
 */
export async function createOrganisation(db: Db, actor: Actor, body: CreateOrganisation) {
  const id = await inTransaction(db, (trx) => addOrganisation(trx, actor, body));
  return getOrganisation(db, id);
}

/**
 * The checks and writes of createOrganisation inside the caller's transaction (an import
 * runs one per batch); answers the new id. `source` names the import row it came from.
 */
export async function addOrganisation(
  trx: Transaction<DB>,
  actor: Actor,
  body: CreateOrganisation,
  source?: CreationSource,
): Promise<string> {
  const policy = new Policy(trx);
  if (!hasRole(actor, 'system_admin', 'region_admin', 'department_admin', 'team_admin')) throw forbidden();
  const region = await regionByCode(trx, body.regionCode);
  if (!region) throw ruleBroken('regionCode', 'no_such_region', `region "${body.regionCode}" does not exist`);
  const parent = body.parentId ? await repo.organisationById(trx, body.parentId) : undefined;
  if (body.parentId && !parent) {
    throw ruleBroken('parentId', 'no_such_organisation', `organisation "${body.parentId}" does not exist`);
  }
  const allowed =
    (await policy.adminsRegion(actor, body.regionCode)) ||
    (parent !== undefined && (await policy.adminsOrganisation(actor, parent.id)));
  if (!allowed) throw forbidden('You administer neither this region nor the parent organisation');
  if (parent && !(await repo.regionWithin(trx, parent.region_code, body.regionCode))) {
    throw ruleBroken(
      'regionCode',
      'region_outside_parent',
      `must lie within the parent's region ${parent.region_code}`,
    );
  }
  let departmentId = body.departmentId ?? null;
  if (departmentId) {
    const dept = await repo.organisationById(trx, departmentId);
    if (!dept || dept.kind !== 'department') {
      throw ruleBroken('departmentId', 'not_a_department', 'must name an organisation of kind department');
    }
  } else if (parent) {
    departmentId = parent.kind === 'department' ? parent.id : parent.department_id;
  }
  const known = await repo.knownFieldCodes(trx);
  const unknown = body.fields.filter((f) => !known.has(f));
  if (unknown.length) {
    throw ruleBroken('fields', 'unknown_field', `unknown service field "${unknown.join('", "')}"`);
  }
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
    ...(source ? { details: { importId: source.importId, row: source.row } } : {}),
  });
  return newId;
}

export async function getOrganisation(db: Db, id: string) {
  const org = await repo.organisationById(db, id);
  if (!org) throw notFound('Organisation');
  return presentOrganisation(org, await repo.pathOf(db, id));
}
