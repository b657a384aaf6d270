import type { CreatePolicy, Policy as PolicyOut } from '../../../common/contract/insurance.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import { chinaToday } from '../../../common/id-numbers.js';
import type { Gender, IdType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { InsurancePoliciesTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { requireOrganiser } from '../activities/index.js';
import { activityById, shiftById } from '../activities/index.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById } from '../organisations/index.js';
import * as repo from './insurance.repository.js';

const present = (p: InsurancePoliciesTable): PolicyOut => ({
  id: p.id,
  activityId: p.activity_id,
  organisationId: p.organisation_id,
  insurer: p.insurer,
  policyNumber: p.policy_number,
  startsOn: p.starts_on,
  endsOn: p.ends_on,
  createdAt: p.created_at,
});

/** Records a policy on an activity or an organisation; organisers of it only. */
export async function createPolicy(db: Db, actor: Actor, body: CreatePolicy): Promise<PolicyOut> {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers record insurance policies');
  let organisationId: string;
  if (body.activityId) {
    const a = await activityById(db, body.activityId);
    if (!a) throw ruleBroken('activityId', 'no_such_activity', `activity "${body.activityId}" does not exist`);
    await requireOrganiser(db, actor, a);
    organisationId = a.organisation_id;
  } else {
    const org = await organisationById(db, body.organisationId as string);
    if (!org) {
      throw ruleBroken(
        'organisationId',
        'no_such_organisation',
        `organisation "${body.organisationId}" does not exist`,
      );
    }
    if (!(await new Policy(db).adminsOrganisation(actor, org.id)))
      throw forbidden('You do not administer this organisation');
    organisationId = org.id;
  }
  const row = {
    id: newId(),
    activity_id: body.activityId ?? null,
    organisation_id: body.activityId ? null : organisationId,
    insurer: body.insurer,
    policy_number: body.policyNumber,
    starts_on: body.startsOn,
    ends_on: body.endsOn,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertPolicy(trx, row);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'insurance.create',
      entityType: 'insurance_policy',
      entityId: row.id,
    });
  });
  return present(row);
}

/** Policies covering an activity (its own, then its organisation's), or an organisation's; organisers only. */
export async function listPolicies(
  db: Db,
  actor: Actor,
  q: { activityId?: string | undefined; organisationId?: string | undefined },
) {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers see insurance policies');
  if (q.activityId) {
    const a = await activityById(db, q.activityId);
    if (!a) throw notFound('Activity');
    await requireOrganiser(db, actor, a);
    return { items: (await repo.policiesFor(db, a.id, a.organisation_id)).map(present) };
  }
  const org = await organisationById(db, q.organisationId as string);
  if (!org) throw notFound('Organisation');
  if (!(await new Policy(db).adminsOrganisation(actor, org.id)))
    throw forbidden('You do not administer this organisation');
  return { items: (await repo.policiesOfOrganisation(db, org.id)).map(present) };
}

/** One insured participant, as the insurer's list shows them (masked ID number and phone). */
export interface InsuredPerson {
  name: string;
  volunteerCode: string;
  idType: IdType;
  idNumber: string;
  birthYear: number | null;
  gender: Gender | null;
  phone: string;
  policyNumber: string;
}

/**
 * The insured participants of a shift for the insurer's .xlsx (written by the exports module):
 * people holding a place, with masked ID numbers and phones only (the insurer matches on name,
 * type and code). Organisers of the shift only; audited with the number of people.
 */
export async function insuredOfShiftForExport(db: Db, actor: Actor, shiftId: string) {
  const shift = await shiftById(db, shiftId);
  const activity = shift ? await activityById(db, shift.activity_id) : undefined;
  if (!shift || !activity) throw notFound('Shift');
  await requireOrganiser(db, actor, activity, 'Shift');
  const first = chinaToday(new Date(shift.start_at));
  const last = chinaToday(new Date(shift.end_at));
  const policy = (await repo.policiesFor(db, activity.id, activity.organisation_id)).find(
    (p) => p.starts_on <= first && p.ends_on >= last,
  );
  const rows = await repo.insuredOfShift(db, shiftId);
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'insurance.export',
    entityType: 'shift',
    entityId: shiftId,
    details: { rows: rows.length },
  });
  const people: InsuredPerson[] = rows.map((r) => ({
    name: r.name,
    volunteerCode: r.volunteer_code,
    idType: r.id_type,
    idNumber: r.id_number_masked,
    birthYear: r.birth_year,
    gender: r.gender,
    phone: r.phone_masked ?? '',
    policyNumber: policy?.policy_number ?? '',
  }));
  return { people, filename: `insured-${shift.start_at.slice(0, 10)}-${shiftId.slice(-8)}` };
}
