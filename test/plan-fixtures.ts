/** A department's plan as the plans tests start from, written through the API by its department admin. */
import type { Plan } from '../src/common/contract/plans.js';
import type { BearerClient, OrganisationTree } from './activity-factories.js';

export interface FundedPlan {
  plan: Plan;
  /** The key task of 渝中区's team (its region admin sees it); the other task is 沙坪坝区's. */
  taskId: string;
  /** The funding of the programme 美丽河湖, budget ¥1,000.00, nothing spent. */
  fundingId: string;
}

/** A plan of `year` with two key tasks (one per district of the tree) and one programme funded. */
export async function makeFundedPlan(
  dept: BearerClient,
  tree: OrganisationTree,
  title = '美丽河湖保护专项实施方案',
  year = 2026,
): Promise<FundedPlan> {
  const ok = async (pending: ReturnType<BearerClient['post']>) => {
    const res = await pending;
    if (res.statusCode !== 201) throw new Error(`plan fixture: ${res.statusCode} ${res.body}`);
    return res.json() as Plan;
  };
  const plan = await ok(dept.post('/api/v1/plans', { departmentId: tree.departmentId, year, title, field: 'ecology' }));
  const url = (rest: string) => `/api/v1/plans/${plan.id}${rest}`;
  const task = { unit: '次', target: 10 };
  const withTask = await ok(
    dept.post(url('/tasks'), {
      ...task,
      title: '嘉陵江渝中段巡河',
      organisationId: tree.teamId,
      deadline: `${year}-06-30`,
    }),
  );
  await ok(
    dept.post(url('/tasks'), {
      ...task,
      title: '梁滩河清漂',
      organisationId: tree.otherTeamId,
      target: 4,
      deadline: `${year}-11-30`,
    }),
  );
  const project = await dept.post('/api/v1/projects', {
    name: '美丽河湖',
    departmentId: tree.departmentId,
    field: 'ecology',
  });
  const funded = await ok(dept.post(url('/funding'), { projectId: project.json().id, budget: 100_000 }));
  return { plan: funded, taskId: withTask.keyTasks[0]!.id, fundingId: funded.funding[0]!.id };
}
