import ExcelJS from 'exceljs';
import type { CreatePolicy, Policy as PolicyOut } from '../../../common/contract/insurance.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import { chinaToday } from '../../../common/id-numbers.js';
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

const ID_TYPE_ZH: Record<string, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_id: '外国人永久居留身份证',
};
const GENDER_ZH: Record<string, string> = { male: '男', female: '女' };

/**
 * The insured participants of a shift as .xlsx for the insurer: people holding a place,
 * with masked ID numbers and phones only (the insurer matches on name, type and code).
 */
export async function insuredWorkbook(db: Db, actor: Actor, shiftId: string) {
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
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shanmei';
  const ws = wb.addWorksheet('参保人员');
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '志愿者编号', key: 'code', width: 16 },
    { header: '证件类型', key: 'idType', width: 18 },
    { header: '证件号码', key: 'idNumber', width: 22 },
    { header: '出生年份', key: 'birthYear', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '保单号', key: 'policy', width: 20 },
  ];
  for (const r of rows) {
    ws.addRow({
      name: r.name,
      code: r.volunteer_code,
      idType: ID_TYPE_ZH[r.id_type] ?? r.id_type,
      idNumber: r.id_number_masked,
      birthYear: r.birth_year ?? '',
      gender: r.gender ? (GENDER_ZH[r.gender] ?? r.gender) : '',
      phone: r.phone_masked ?? '',
      policy: policy?.policy_number ?? '',
    });
  }
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'insurance.export',
    entityType: 'shift',
    entityId: shiftId,
    details: { rows: rows.length },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `insured-${shift.start_at.slice(0, 10)}-${shiftId.slice(-8)}.xlsx` };
}
