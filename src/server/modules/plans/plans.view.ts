// Who sees a plan and how much of it, and the plan as the API shows it.
import type { Plan, PlanTask } from '../../../common/contract/plans.js';
import { isOverdue, meanProgress, taskRatio } from '../../../common/plan-progress.js';
import { localDate } from '../../../common/zoned-time.js';
import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { hasRole, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { fileUrls } from '../files/index.js';
import * as repo from './plans.repository.js';

/** Who writes a department's plans: its department admins, and system admins. */
export const PLAN_EDITORS = ['system_admin', 'department_admin'] as const;
/** Who reads plans at all: the editors and region admins (their region's part, read-only). */
export const PLAN_READERS = [...PLAN_EDITORS, 'region_admin'] as const;

/** The whole plan (`edit`), a region admin's part of it (`regions`: their scopes), or nothing. */
export type Sight = { kind: 'edit' } | { kind: 'region'; scopes: string[] };

export async function edits(db: Db, actor: Actor, departmentId: string): Promise<boolean> {
  return new Policy(db).adminsOrganisation(actor, departmentId, PLAN_EDITORS);
}

export async function sightOf(db: Db, actor: Actor, plan: repo.PlanRow): Promise<Sight | null> {
  if (await edits(db, actor, plan.department_id)) return { kind: 'edit' };
  const scopes = scopesOf(actor, ['region_admin'], 'region');
  if (scopes.length === 0) return null;
  const mine = await repo.tasksOfPlans(db, [plan.id], scopes);
  return mine.length ? { kind: 'region', scopes } : null;
}

export const readOnly = () => forbidden('Region admins see their region’s part of a plan; its department changes it');

/** The plan and how the actor sees it; 404 for anyone who sees none of it. */
export async function loadFor(db: Db, actor: Actor, id: string) {
  const plan = hasRole(actor, ...PLAN_READERS) ? await repo.planById(db, id) : undefined;
  const sight = plan ? await sightOf(db, actor, plan) : null;
  if (!plan || !sight) throw notFound('Plan');
  return { plan, sight };
}

/** The local day now, in the platform's zone: what deadlines are compared with. */
export async function today(db: Db, now: string = nowIso()): Promise<string> {
  return localDate(now, (await getSettings(db)).timeZone);
}

/** A row's photos as the API shows them. */
export const photosOf = (row: { photo_ids: string }) =>
  (JSON.parse(row.photo_ids) as string[]).map((id) => ({ id, ...fileUrls(id) }));

type Progress = Awaited<ReturnType<typeof repo.progressOf>>[number];

export function presentTask(t: repo.TaskRow, day: string, updates: Progress[] = []): PlanTask {
  const progress = taskRatio(t.value, t.target);
  return {
    id: t.id,
    title: t.title,
    organisationId: t.organisation_id,
    organisationName: t.organisation_name,
    target: t.target,
    unit: t.unit,
    deadline: t.deadline,
    value: t.value,
    progress,
    done: progress >= 1,
    overdue: isOverdue(t.deadline, day, t.value, t.target),
    updates: updates.map((u) => ({
      id: u.id,
      value: u.value,
      note: u.note,
      evidenceUrl: u.evidence_url,
      photos: photosOf(u),
      byUserId: u.by_user_id,
      at: u.at,
    })),
  };
}

/** The counts a plan's summary (and the overview's rows) show, over the tasks given. */
export function tally(tasks: PlanTask[]) {
  return {
    tasks: tasks.length,
    done: tasks.filter((t) => t.done).length,
    overdue: tasks.filter((t) => t.overdue).length,
    progress: meanProgress(tasks.map((t) => t.progress)),
  };
}

export function presentSummary(p: repo.PlanRow, tasks: PlanTask[]) {
  return {
    id: p.id,
    departmentId: p.department_id,
    departmentName: p.department_name,
    year: p.year,
    title: p.title,
    field: p.field,
    summary: p.summary,
    createdAt: p.created_at,
    ...tally(tasks),
  };
}

/** One plan as the actor sees it: a region admin gets their region's tasks and no funding. */
export async function presentPlan(db: Db, plan: repo.PlanRow, sight: Sight): Promise<Plan> {
  const day = await today(db);
  const rows = await repo.tasksOfPlans(db, [plan.id], sight.kind === 'region' ? sight.scopes : undefined);
  const updates = await repo.progressOf(
    db,
    rows.map((r) => r.id),
  );
  const keyTasks = rows.map((r) =>
    presentTask(
      r,
      day,
      updates.filter((u) => u.task_id === r.id),
    ),
  );
  const funding = sight.kind === 'edit' ? await repo.fundingOfPlans(db, [plan.id]) : [];
  const spending = await repo.spendingOf(
    db,
    funding.map((f) => f.id),
  );
  const presentedFunding = funding.map((f) => ({
    id: f.id,
    projectId: f.project_id,
    projectName: f.project_name,
    year: f.year,
    budget: f.budget_fen,
    spent: f.spent_fen,
    note: f.note,
    spending: spending
      .filter((s) => s.funding_id === f.id)
      .map((s) => ({
        id: s.id,
        amount: s.amount_fen,
        spentOn: s.spent_on,
        note: s.note,
        photos: photosOf(s),
        byUserId: s.by_user_id,
        at: s.at,
      })),
  }));
  return {
    ...presentSummary(plan, keyTasks),
    editable: sight.kind === 'edit',
    keyTasks,
    funding: presentedFunding,
    budget: presentedFunding.reduce((a, f) => a + f.budget, 0),
    spent: presentedFunding.reduce((a, f) => a + f.spent, 0),
  };
}
