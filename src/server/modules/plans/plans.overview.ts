// The city's table of every department's plans in a year, and the overdue notices.
import type { PlanOverviewRow, PlanProgressView } from '../../../common/contract/plans.js';
import { forbidden } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { isSystemAdmin, type Actor } from '../../platform/access/policy.js';
import { notify } from '../../platform/notify/notify.js';
import * as repo from './plans.repository.js';
import { presentTask, tally, today } from './plans.view.js';

/** One row per department (those without a plan that year too), for the city's admins. */
export async function planOverview(db: Db, actor: Actor, year: number) {
  if (!isSystemAdmin(actor)) throw forbidden('The overview of every department is for the city’s system admins');
  return { year, items: await departmentRows(db, year) };
}

/**
 * The big screen's public part of the overview: each department's task counts and progress,
 * most tasks first (then by name), without funding, tasks or people. `year` defaults to the
 * current one in the city's time zone.
 */
export async function planProgress(db: Db, year?: number): Promise<PlanProgressView> {
  const y = year ?? Number((await today(db)).slice(0, 4));
  const items = (await departmentRows(db, y))
    .map(({ departmentName, tasks, done, overdue, progress }) => ({ departmentName, tasks, done, overdue, progress }))
    .sort((a, b) => b.tasks - a.tasks || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return { year: y, items };
}

async function departmentRows(db: Db, year: number): Promise<PlanOverviewRow[]> {
  const plans = await repo.plansOfYear(db, year);
  const ids = plans.map((p) => p.id);
  const day = await today(db);
  const tasks = await repo.tasksOfPlans(db, ids);
  const funding = await repo.fundingOfPlans(db, ids);
  const deptOf = new Map(plans.map((p) => [p.id, p.department_id]));
  return (await repo.departments(db)).map((d) => {
    const mine = tasks.filter((t) => deptOf.get(t.plan_id) === d.id).map((t) => presentTask(t, day));
    const money = funding.filter((f) => deptOf.get(f.plan_id) === d.id);
    return {
      departmentId: d.id,
      departmentName: d.name,
      plans: plans.filter((p) => p.department_id === d.id).length,
      ...tally(mine),
      budget: money.reduce((a, f) => a + f.budget_fen, 0),
      spent: money.reduce((a, f) => a + f.spent_fen, 0),
    };
  });
}

/**
 * Tells the admins of each overdue task's responsible organisation, once per task (a moved
 * deadline clears the mark). The jobs loop calls it with its `now`; returns how many tasks were told.
 */
export async function noticeOverdueTasks(db: Db, now: string = nowIso()): Promise<number> {
  const day = await today(db, now);
  let told = 0;
  for (const t of await repo.overdueUnnoticed(db, day, 200)) {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.markNoticed(trx, t.id, now))) return;
      told += 1;
      for (const userId of await repo.adminUsersOf(trx, t.organisation_id)) {
        await notify(
          trx,
          {
            userId,
            kind: 'plan_task_overdue',
            params: {
              taskTitle: t.title,
              planTitle: t.plan_title,
              departmentName: t.department_name,
              deadline: t.deadline,
            },
            data: { planId: t.plan_id, taskId: t.id },
            dedupeKey: `plan-task-overdue:${t.id}:${t.deadline}:${userId}`,
          },
          { now },
        );
      }
    });
  }
  return told;
}
