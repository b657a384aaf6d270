// Departments' yearly plans: the rules of each change, checked before anything is written; each
// change and its audit entry go in one transaction.
import type { z } from 'zod';
import type {
  AddFundingBody,
  AddProgressBody,
  AddSpendingBody,
  CreatePlan,
  CreateTask,
  PatchPlanBody,
  PatchSpending,
  PatchTask,
  Plan,
} from '../../../common/contract/plans.js';
import { forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import { isRealDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { hasRole, isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { fieldExists } from '../activities/index.js';
import { organisationById } from '../organisations/index.js';
import * as repo from './plans.repository.js';
import { checkedPlanPhotoIds } from './plans.photos.js';
import {
  edits,
  loadFor,
  PLAN_READERS,
  presentPlan,
  presentSummary,
  presentTask,
  readOnly,
  today,
} from './plans.view.js';

/** The plan, for a change: 404 for those who do not see it, 403 for those who only read it. */
async function loadForEdit(db: Db, actor: Actor, id: string) {
  const { plan, sight } = await loadFor(db, actor, id);
  if (sight.kind !== 'edit') throw readOnly();
  return plan;
}

async function audited(db: Db, actor: Actor, plan: repo.PlanRow, action: string, details = {}) {
  await appendAudit(db, {
    actorUserId: actor.userId,
    action,
    entityType: 'plan',
    entityId: plan.id,
    details,
    regionCode: plan.department_region,
  });
}

async function checkField(db: Db, field: string | undefined) {
  if (field !== undefined && !(await fieldExists(db, field)))
    throw ruleBroken('field', 'unknown_field', `unknown service field "${field}"`);
}

export async function createPlan(db: Db, actor: Actor, b: CreatePlan): Promise<Plan> {
  if (!hasRole(actor, 'system_admin', 'department_admin'))
    throw forbidden('Only department admins (and system admins) write plans');
  const dept = await organisationById(db, b.departmentId);
  if (!dept || dept.kind !== 'department')
    throw ruleBroken('departmentId', 'not_a_department', 'must name an organisation of kind department');
  if (!(await edits(db, actor, dept.id))) throw forbidden('You do not administer that department');
  await checkField(db, b.field);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, {
      id,
      department_id: dept.id,
      year: b.year,
      title: b.title,
      field: b.field,
      summary: b.summary ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'plan.create',
      entityType: 'plan',
      entityId: id,
      details: { year: b.year },
      regionCode: dept.region_code,
    });
  });
  return getPlan(db, actor, id);
}

export async function getPlan(db: Db, actor: Actor, id: string): Promise<Plan> {
  const { plan, sight } = await loadFor(db, actor, id);
  return presentPlan(db, plan, sight);
}

export async function patchPlan(db: Db, actor: Actor, id: string, b: z.infer<typeof PatchPlanBody>) {
  const plan = await loadForEdit(db, actor, id);
  await checkField(db, b.field);
  await db.transaction().execute(async (trx) => {
    await repo.updatePlan(trx, id, { ...b, updated_at: nowIso() });
    await audited(trx, actor, plan, 'plan.update', { fields: Object.keys(b) });
  });
  return getPlan(db, actor, id);
}

export async function listPlans(
  db: Db,
  actor: Actor,
  q: { departmentId?: string | undefined; year?: number | undefined; cursor?: string | undefined; limit: number },
) {
  if (!hasRole(actor, ...PLAN_READERS)) throw forbidden('Only department, region and system admins see plans');
  const regionScopes = scopesOf(actor, ['region_admin'], 'region');
  const deptScopes = scopesOf(actor, ['department_admin'], 'organisation');
  const after = decodeCursor(q.cursor, { id: 'string' });
  const filter = { departmentId: q.departmentId, year: q.year };
  const whole = isSystemAdmin(actor) ? filter : { ...filter, departmentIds: deptScopes };
  // A region admin who is not also a department admin lists by region; one who is both sees both.
  let rows = await repo.listPlans(db, whole, after?.id, q.limit);
  let regional = new Set<string>();
  if (!isSystemAdmin(actor) && regionScopes.length) {
    const more = await repo.listPlans(db, { ...filter, regionScopes }, after?.id, q.limit);
    const mine = new Set(rows.map((r) => r.id));
    regional = new Set(more.filter((r) => !mine.has(r.id)).map((r) => r.id));
    rows = [...rows, ...more.filter((r) => regional.has(r.id))].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  const day = await today(db);
  const all = await repo.tasksOfPlans(
    db,
    p.items.filter((r) => !regional.has(r.id)).map((r) => r.id),
  );
  const inRegion = await repo.tasksOfPlans(
    db,
    p.items.filter((r) => regional.has(r.id)).map((r) => r.id),
    regionScopes,
  );
  const tasks = [...all, ...inRegion].map((t) => ({ planId: t.plan_id, task: presentTask(t, day) }));
  return {
    items: p.items.map((r) =>
      presentSummary(
        r,
        tasks.filter((t) => t.planId === r.id).map((t) => t.task),
      ),
    ),
    nextCursor: p.nextCursor,
  };
}

async function checkTask(db: Db, plan: repo.PlanRow, b: Partial<CreateTask>) {
  if (b.target !== undefined && b.target <= 0)
    throw ruleBroken('target', 'plan_target_not_positive', 'the target must be more than 0');
  if (b.deadline !== undefined) inYear('deadline', b.deadline, plan.year);
  if (b.organisationId !== undefined && !(await organisationById(db, b.organisationId)))
    throw ruleBroken('organisationId', 'no_such_organisation', `organisation "${b.organisationId}" does not exist`);
}

function inYear(field: string, day: string, year: number) {
  if (!isRealDate(day) || !day.startsWith(`${year}-`))
    throw ruleBroken(field, 'plan_date_outside_year', `must be a day of the plan year ${year}`, { year });
}

export async function addTask(db: Db, actor: Actor, planId: string, b: CreateTask): Promise<Plan> {
  const plan = await loadForEdit(db, actor, planId);
  await checkTask(db, plan, b);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertTask(trx, {
      id,
      plan_id: plan.id,
      title: b.title,
      organisation_id: b.organisationId,
      target: b.target,
      unit: b.unit,
      deadline: b.deadline,
      value: 0,
      overdue_noticed_at: null,
      created_at: nowIso(),
    });
    await audited(trx, actor, plan, 'plan.task.create', { taskId: id });
  });
  return getPlan(db, actor, planId);
}

async function taskOf(db: Db, plan: repo.PlanRow, taskId: string) {
  const task = await repo.taskById(db, plan.id, taskId);
  if (!task) throw notFound('Task');
  return task;
}

export async function patchTask(db: Db, actor: Actor, planId: string, taskId: string, b: PatchTask) {
  const plan = await loadForEdit(db, actor, planId);
  await taskOf(db, plan, taskId);
  await checkTask(db, plan, b);
  const set = {
    ...(b.title === undefined ? {} : { title: b.title }),
    ...(b.organisationId === undefined ? {} : { organisation_id: b.organisationId }),
    ...(b.target === undefined ? {} : { target: b.target }),
    ...(b.unit === undefined ? {} : { unit: b.unit }),
    // A moved deadline may fall due again: its owners are told afresh.
    ...(b.deadline === undefined ? {} : { deadline: b.deadline, overdue_noticed_at: null }),
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateTask(trx, taskId, set);
    await audited(trx, actor, plan, 'plan.task.update', { taskId, fields: Object.keys(b) });
  });
  return getPlan(db, actor, planId);
}

/** A progress update: appended to the task's history, its value becoming the task's value. */
export async function addProgress(
  db: Db,
  actor: Actor,
  planId: string,
  taskId: string,
  b: z.infer<typeof AddProgressBody>,
) {
  const plan = await loadForEdit(db, actor, planId);
  await taskOf(db, plan, taskId);
  const photoIds = await checkedPlanPhotoIds(db, actor, plan.id, b.photoIds);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertProgress(trx, {
      id: newId(),
      task_id: taskId,
      value: b.value,
      note: b.note ?? null,
      evidence_url: b.evidenceUrl ?? null,
      photo_ids: photoIds,
      by_user_id: actor.userId,
      at,
    });
    await repo.updateTask(trx, taskId, { value: b.value });
    await audited(trx, actor, plan, 'plan.task.progress', { taskId, value: b.value, photos: b.photoIds?.length ?? 0 });
  });
  return getPlan(db, actor, planId);
}

export async function addFunding(db: Db, actor: Actor, planId: string, b: z.infer<typeof AddFundingBody>) {
  const plan = await loadForEdit(db, actor, planId);
  const project = await repo.projectFacts(db, b.projectId);
  if (!project) throw ruleBroken('projectId', 'no_such_project', `project "${b.projectId}" does not exist`);
  if (project.department_id !== plan.department_id)
    throw ruleBroken('projectId', 'plan_project_other_department', 'the programme is led by another department');
  if (await repo.fundingExists(db, plan.id, project.id, plan.year))
    throw refusal('DUPLICATE', 'already_exists', 'the plan already funds this programme this year');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertFunding(trx, {
      id,
      plan_id: plan.id,
      project_id: project.id,
      year: plan.year,
      budget_fen: b.budget,
      spent_fen: 0,
      note: b.note ?? null,
      created_at: nowIso(),
    });
    await audited(trx, actor, plan, 'plan.funding.create', { fundingId: id, budget: b.budget });
  });
  return getPlan(db, actor, planId);
}

/** The plan and one of its programmes' funding, for a change (404 / 403 as `loadForEdit`). */
async function fundingForEdit(db: Db, actor: Actor, planId: string, fundingId: string) {
  const plan = await loadForEdit(db, actor, planId);
  const funding = await repo.fundingById(db, plan.id, fundingId);
  if (!funding) throw notFound('Funding');
  return { plan, funding };
}

function checkSpending(b: { amount?: number | undefined; spentOn?: string | undefined }, year: number) {
  if (b.amount !== undefined && b.amount <= 0)
    throw ruleBroken('amount', 'plan_amount_not_positive', 'the amount must be more than 0');
  if (b.spentOn !== undefined) inYear('spentOn', b.spentOn, year);
}

/** A spending entry: appended, and `spent` raised by it in the same transaction. */
export async function addSpending(
  db: Db,
  actor: Actor,
  planId: string,
  fundingId: string,
  b: z.infer<typeof AddSpendingBody>,
) {
  const { plan, funding } = await fundingForEdit(db, actor, planId, fundingId);
  checkSpending(b, funding.year);
  const photoIds = await checkedPlanPhotoIds(db, actor, plan.id, b.photoIds);
  await db.transaction().execute(async (trx) => {
    await repo.insertSpending(trx, {
      id: newId(),
      funding_id: fundingId,
      amount_fen: b.amount,
      spent_on: b.spentOn,
      note: b.note ?? null,
      photo_ids: photoIds,
      by_user_id: actor.userId,
      at: nowIso(),
    });
    await audited(trx, actor, plan, 'plan.funding.spend', {
      fundingId,
      amount: b.amount,
      photos: b.photoIds?.length ?? 0,
    });
  });
  return getPlan(db, actor, planId);
}

/** What the audit keeps of a spending entry, before and after a correction. */
const spendingFacts = (r: Pick<repo.SpendingRow, 'amount_fen' | 'spent_on' | 'note' | 'photo_ids'>) => ({
  amount: r.amount_fen,
  spentOn: r.spent_on,
  note: r.note,
  photoIds: JSON.parse(r.photo_ids) as string[],
});

/**
 * Corrects a spending entry (amount, day, note, receipts): the funding's `spent` follows the
 * amount and the audit keeps the old and new values, in one transaction. A receipt taken off is
 * attached nowhere and goes with the sweep of unattached photos.
 */
export async function patchSpending(
  db: Db,
  actor: Actor,
  ids: { planId: string; fundingId: string; spendingId: string },
  b: PatchSpending,
) {
  const { plan, funding } = await fundingForEdit(db, actor, ids.planId, ids.fundingId);
  checkSpending(b, funding.year);
  await db.transaction().execute(async (trx) => {
    const old = await repo.lockSpending(trx, funding.id, ids.spendingId);
    if (!old) throw notFound('Spending entry');
    const kept = JSON.parse(old.photo_ids) as string[];
    const set = {
      amount_fen: b.amount ?? old.amount_fen,
      spent_on: b.spentOn ?? old.spent_on,
      note: b.note === undefined ? old.note : b.note,
      photo_ids:
        b.photoIds === undefined ? old.photo_ids : await checkedPlanPhotoIds(trx, actor, plan.id, b.photoIds, kept),
    };
    await repo.updateSpending(trx, old, set);
    await audited(trx, actor, plan, 'plan.funding.spend_update', {
      fundingId: funding.id,
      spendingId: old.id,
      before: spendingFacts(old),
      after: spendingFacts(set),
    });
  });
  return getPlan(db, actor, plan.id);
}

/** Removes a spending entry, taking it off the funding's `spent`; the audit keeps what it was. */
export async function deleteSpending(
  db: Db,
  actor: Actor,
  ids: { planId: string; fundingId: string; spendingId: string },
): Promise<void> {
  const { plan, funding } = await fundingForEdit(db, actor, ids.planId, ids.fundingId);
  await db.transaction().execute(async (trx) => {
    const old = await repo.lockSpending(trx, funding.id, ids.spendingId);
    if (!old) throw notFound('Spending entry');
    await repo.deleteSpending(trx, old);
    await audited(trx, actor, plan, 'plan.funding.spend_delete', {
      fundingId: funding.id,
      spendingId: old.id,
      before: spendingFacts(old),
    });
  });
}
