import { localDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { grantsOfUser } from '../../platform/access/access.repository.js';
import type { Actor } from '../../platform/access/policy.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { userByUsername } from '../auth/index.js';
import { addFunding, addProgress, addSpending, addTask, createPlan } from '../plans/index.js';
import type { DepartmentKey } from './demo.departments.js';
import { projectIdByName } from './demo.repository.js';
import type { DemoTeam } from './demo.teams.js';

interface TaskPlan {
  title: string;
  district: string;
  target: number;
  unit: string;
  /** Month and day of the deadline in the plan year. */
  due: string;
  /** Progress reported so far, oldest first. */
  reached: number[];
}

interface PlanPlan {
  department: DepartmentKey;
  title: string;
  field: string;
  summary: string;
  project: string;
  /** Budget and spending, integer fen. */
  budget: number;
  spent: number[];
  tasks: TaskPlan[];
}

const PLANS: PlanPlan[] = [
  {
    department: 'ecology',
    title: '共护美丽长江志愿服务专项实施方案',
    field: 'ecology',
    summary: '围绕长江、嘉陵江岸线，组织巡河护岸、清漂净滩和生态宣传志愿服务。',
    project: '共护美丽长江',
    budget: 300_000_00,
    spent: [42_000_00, 18_500_00],
    tasks: [
      { title: '嘉陵江渝中段常态化巡河', district: '500103', target: 48, unit: '次', due: '12-31', reached: [20, 36] },
      { title: '长江岸线清漂净滩', district: '500106', target: 24, unit: '场', due: '10-31', reached: [12] },
      { title: '生态环境宣传进社区', district: '500103', target: 30, unit: '场', due: '03-31', reached: [8, 15] },
    ],
  },
  {
    department: 'publicity',
    title: '春风满巴渝志愿服务专项实施方案',
    field: 'community',
    summary: '以"春风满巴渝"品牌统领，开展敬老、护苗、邻里互助等重点任务。',
    project: '春风满巴渝',
    budget: 500_000_00,
    spent: [120_000_00],
    tasks: [
      { title: '暖心敬老上门服务', district: '500103', target: 2000, unit: '人次', due: '12-31', reached: [800, 1350] },
      { title: '护苗成长假期课堂', district: '500106', target: 60, unit: '场', due: '08-31', reached: [60] },
      { title: '邻里互助文明实践活动', district: '500103', target: 120, unit: '场', due: '11-30', reached: [45] },
    ],
  },
];

async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const user = await userByUsername(db, username);
  if (!user) return null;
  return { userId: user.id, via: 'session', sessionId: null, csrfToken: null, grants: await grantsOfUser(db, user.id) };
}

/**
 * Two departments' plans for this year, written through the plans service: the ecology plan by
 * the demo's department admin, 春风满巴渝 (市委宣传部) by the system admin where bootstrap made one.
 * Each step is a transaction of its own, so this runs after the demo's. Answers how many were written.
 */
export async function insertDemoPlans(
  db: Db,
  p: { departments: Map<DepartmentKey, string>; teams: DemoTeam[] },
): Promise<number> {
  const year = Number(localDate(nowIso(), (await getSettings(db)).timeZone).slice(0, 4));
  const writers: Partial<Record<DepartmentKey, Actor | null>> = {
    ecology: await actorOf(db, 'dept.admin'),
    publicity: await actorOf(db, 'admin'),
  };
  let written = 0;
  for (const plan of PLANS) {
    const actor = writers[plan.department];
    const departmentId = p.departments.get(plan.department);
    const projectId = (await projectIdByName(db, plan.project))?.id;
    if (!actor || !departmentId || !projectId) continue;
    const made = await createPlan(db, actor, {
      departmentId,
      year,
      title: plan.title,
      field: plan.field,
      summary: plan.summary,
    });
    for (const t of plan.tasks) {
      // The department's team of that district, else another district's, else its city team.
      const mine = p.teams.filter((x) => x.department === plan.department);
      const team =
        mine.find((x) => x.level === 'district' && x.districtCode === t.district) ??
        mine.find((x) => x.level === 'district' && x.districtCode !== '500103') ??
        mine.find((x) => x.level === 'city');
      if (!team) throw new Error(`the demo has no ${plan.department} team in ${t.district}`);
      const withTask = await addTask(db, actor, made.id, {
        title: t.title,
        organisationId: team.id,
        target: t.target,
        unit: t.unit,
        deadline: `${year}-${t.due}`,
      });
      const taskId = withTask.keyTasks.find((k) => k.title === t.title)?.id ?? '';
      for (const value of t.reached) {
        await addProgress(db, actor, made.id, taskId, { value, note: `已完成 ${value} ${t.unit}` });
      }
    }
    const funded = await addFunding(db, actor, made.id, { projectId, budget: plan.budget });
    const fundingId = funded.funding[0]?.id ?? '';
    for (const [i, amount] of plan.spent.entries()) {
      const spentOn = `${year}-0${i + 2}-15`;
      await addSpending(db, actor, made.id, fundingId, { amount, spentOn, note: i === 0 ? '物资采购' : '志愿者保险' });
    }
    written += 1;
  }
  return written;
}
