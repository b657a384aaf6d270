import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanOverviewRow, PlanProgressView } from '../../../common/contract/plans.js';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { makeAdmin, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { noticeOverdueTasks } from './index.js';

const DAY = 24 * 3_600_000;

describe.each(DIALECTS)('departments’ plans and funding on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let clock: FrozenClock;
  let dept: BearerClient;
  let city: BearerClient;
  let yuzhong: BearerClient;
  let liangjiang: BearerClient;
  let projectId: string;
  let plan: Plan;

  const admin = async (role: 'region_admin' | 'system_admin', scopeId: string) =>
    clientFor(t.app, (await makeAdmin(t.tdb.db, role, scopeId)).id);
  const url = (rest = '') => `/api/v1/plans/${plan.id}${rest}`;
  const overviewRow = async () =>
    ((await city.get('/api/v1/plans/overview?year=2026')).json() as { items: PlanOverviewRow[] }).items.find(
      (r) => r.departmentId === tree.departmentId,
    );

  beforeAll(async () => {
    // Mid-June 2026 in Chongqing: the plan year is 2026 and the tasks fall due at the end of June.
    clock = freezeClock('2026-06-20T02:00:00Z');
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    dept = tree.departmentAdmin.client;
    city = await admin('system_admin', 'system');
    yuzhong = await admin('region_admin', REGIONS.yuzhong);
    liangjiang = await admin('region_admin', REGIONS.liangjiang);
    const project = await dept.post('/api/v1/projects', {
      name: '美丽河湖',
      departmentId: tree.departmentId,
      field: 'ecology',
    });
    projectId = project.json().id;
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('rolls each task’s latest progress, capped at its target, up to the plan and the department', async () => {
    const created = await dept.post('/api/v1/plans', {
      departmentId: tree.departmentId,
      year: 2026,
      title: '美丽河湖保护专项实施方案',
      field: 'ecology',
      summary: '巡河护河',
    });
    expect(created.statusCode).toBe(201);
    plan = created.json();
    expect(plan).toMatchObject({ editable: true, tasks: 0, progress: 0, departmentName: '市生态环境局' });
    const task = async (title: string, organisationId: string, target: number, deadline: string) => {
      const res = await dept.post(url('/tasks'), { title, organisationId, target, unit: '次', deadline });
      expect(res.statusCode).toBe(201);
      return (res.json() as Plan).keyTasks.find((k) => k.title === title)!.id;
    };
    const patrol = await task('嘉陵江渝中段巡河', tree.teamId, 10, '2026-06-30');
    const clean = await task('梁滩河清漂', tree.otherTeamId, 4, '2026-11-30');
    const p1 = await dept.post(url(`/tasks/${patrol}/progress`), { value: 3, note: '3 次巡河' });
    expect(p1.statusCode).toBe(201);
    await dept.post(url(`/tasks/${patrol}/progress`), {
      value: 5,
      note: '又巡 2 次',
      evidenceUrl: 'https://example.org/a',
    });
    // More than the target counts as the target: one task does not make up for another.
    await dept.post(url(`/tasks/${clean}/progress`), { value: 9 });
    const got = (await dept.get(url())).json() as Plan;
    const byTitle = Object.fromEntries(got.keyTasks.map((k) => [k.title, k]));
    expect(byTitle['嘉陵江渝中段巡河']).toMatchObject({ value: 5, progress: 0.5, done: false, overdue: false });
    expect(byTitle['嘉陵江渝中段巡河']!.updates.map((u) => u.value)).toEqual([5, 3]);
    expect(byTitle['梁滩河清漂']).toMatchObject({ value: 9, progress: 1, done: true });
    expect(got).toMatchObject({ tasks: 2, done: 1, overdue: 0, progress: 0.75 });
    expect(await overviewRow()).toMatchObject({ plans: 1, tasks: 2, done: 1, overdue: 0, progress: 0.75 });
    const list = (await dept.get('/api/v1/plans?year=2026')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: plan.id, progress: 0.75 })]);
    const audit = await t.tdb.db.selectFrom('audit_log').select('action').where('entity_id', '=', plan.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'plan.create',
        'plan.task.create',
        'plan.task.create',
        'plan.task.progress',
        'plan.task.progress',
        'plan.task.progress',
      ].sort(),
    );
  });

  it('shows region admins their region’s part read-only, and no one else anything', async () => {
    const part = await yuzhong.get(url());
    expect(part.statusCode).toBe(200);
    expect(part.json()).toMatchObject({ editable: false, funding: [], tasks: 1 });
    expect((part.json() as Plan).keyTasks.map((k) => k.title)).toEqual(['嘉陵江渝中段巡河']);
    expect((await yuzhong.get('/api/v1/plans')).json().items.map((p: Plan) => p.id)).toEqual([plan.id]);
    expect((await yuzhong.patch(url(), { title: 'x' })).statusCode).toBe(403);
    expect(
      (
        await yuzhong.post(url('/tasks'), {
          title: 'x',
          organisationId: tree.teamId,
          target: 1,
          unit: '次',
          deadline: '2026-12-01',
        })
      ).statusCode,
    ).toBe(403);
    // No task in 两江新区: the plan is not there for its admin.
    expect((await liangjiang.get(url())).statusCode).toBe(404);
    expect((await liangjiang.get('/api/v1/plans')).json().items).toEqual([]);
    expect((await liangjiang.patch(url(), { title: 'x' })).statusCode).toBe(404);
    expect((await tree.teamAdmin.client.get(url())).statusCode).toBe(404);
    expect((await tree.teamAdmin.client.get('/api/v1/plans')).statusCode).toBe(403);
    const v = await clientFor(t.app, (await makeVolunteer(t.app)).userId);
    expect((await v.get(url())).statusCode).toBe(404);
    expect(
      (await v.post('/api/v1/plans', { departmentId: tree.departmentId, year: 2026, title: 'x', field: 'ecology' }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await dept.get('/api/v1/plans/overview?year=2026')).statusCode).toBe(403);
    expect((await yuzhong.get('/api/v1/plans/overview?year=2026')).statusCode).toBe(403);
    // Another department's admin cannot write this department's plan.
    const other = await t.app.ctx.database.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', tree.teamId)
      .executeTakeFirstOrThrow();
    expect(
      (await dept.post('/api/v1/plans', { departmentId: other.id, year: 2026, title: 'x', field: 'ecology' }))
        .statusCode,
    ).toBe(422);
  });

  it('sums the spending entries into what a programme spent', async () => {
    const funded = await dept.post(url('/funding'), { projectId, budget: 100_000_00 });
    expect(funded.statusCode).toBe(201);
    const fundingId = (funded.json() as Plan).funding[0]!.id;
    for (const [amount, spentOn] of [
      [2_000_00, '2026-03-01'],
      [3_500_50, '2026-05-20'],
    ] as const) {
      expect(
        (await dept.post(url(`/funding/${fundingId}/spending`), { amount, spentOn, note: '物资' })).statusCode,
      ).toBe(201);
    }
    const got = (await dept.get(url())).json() as Plan;
    expect(got.funding[0]).toMatchObject({ projectName: '美丽河湖', budget: 100_000_00, spent: 5_500_50, year: 2026 });
    expect(got.funding[0]!.spending.map((s) => s.amount)).toEqual([3_500_50, 2_000_00]);
    expect(got).toMatchObject({ budget: 100_000_00, spent: 5_500_50 });
    expect(await overviewRow()).toMatchObject({ budget: 100_000_00, spent: 5_500_50 });
  });

  it('refuses bad input with a 4xx naming the rule, and writes nothing', async () => {
    const before = JSON.stringify((await dept.get(url())).json());
    const taskId = plan.keyTasks.length
      ? plan.keyTasks[0]!.id
      : ((await dept.get(url())).json() as Plan).keyTasks[0]!.id;
    const fundingId = ((await dept.get(url())).json() as Plan).funding[0]!.id;
    const task = (over: Record<string, unknown>) => ({
      title: '新任务',
      organisationId: tree.teamId,
      target: 5,
      unit: '场',
      deadline: '2026-09-30',
      ...over,
    });
    const cases: [
      string,
      Promise<{ statusCode: number; json: () => { error: { message: string; details?: { reason?: string } } } }>,
      number,
      string,
    ][] = [
      ['target 0', dept.post(url('/tasks'), task({ target: 0 })), 422, 'plan_target_not_positive'],
      ['negative target', dept.post(url('/tasks'), task({ target: -3 })), 422, 'plan_target_not_positive'],
      [
        'deadline of another year',
        dept.post(url('/tasks'), task({ deadline: '2027-01-10' })),
        422,
        'plan_date_outside_year',
      ],
      ['no such day', dept.post(url('/tasks'), task({ deadline: '2026-02-30' })), 422, 'plan_date_outside_year'],
      ['unknown organisation', dept.post(url('/tasks'), task({ organisationId: 'nope' })), 422, 'no_such_organisation'],
      ['patch target 0', dept.patch(url(`/tasks/${taskId}`), { target: 0 }), 422, 'plan_target_not_positive'],
      ['negative progress', dept.post(url(`/tasks/${taskId}/progress`), { value: -1 }), 400, ''],
      [
        'negative spending',
        dept.post(url(`/funding/${fundingId}/spending`), { amount: -100, spentOn: '2026-04-01' }),
        422,
        'plan_amount_not_positive',
      ],
      [
        'zero spending',
        dept.post(url(`/funding/${fundingId}/spending`), { amount: 0, spentOn: '2026-04-01' }),
        422,
        'plan_amount_not_positive',
      ],
      [
        'spending in another year',
        dept.post(url(`/funding/${fundingId}/spending`), { amount: 100, spentOn: '2025-12-31' }),
        422,
        'plan_date_outside_year',
      ],
      [
        'fractional fen',
        dept.post(url(`/funding/${fundingId}/spending`), { amount: 1.5, spentOn: '2026-04-01' }),
        400,
        '',
      ],
      ['unknown project', dept.post(url('/funding'), { projectId: 'nope', budget: 100 }), 422, 'no_such_project'],
      ['programme funded twice', dept.post(url('/funding'), { projectId, budget: 100 }), 409, 'already_exists'],
      ['negative budget', dept.post(url('/funding'), { projectId, budget: -1 }), 400, ''],
      ['unknown field', dept.patch(url(), { field: 'astrology' }), 422, 'unknown_field'],
      ['unknown task', dept.post(url('/tasks/nope/progress'), { value: 1 }), 404, ''],
      ['unknown funding', dept.post(url('/funding/nope/spending'), { amount: 1, spentOn: '2026-04-01' }), 404, ''],
    ];
    for (const [name, pending, status, reason] of cases) {
      const res = await pending;
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.message.length, name).toBeGreaterThan(0);
      if (reason) expect(res.json().error.details?.reason, name).toBe(reason);
    }
    expect(JSON.stringify((await dept.get(url())).json())).toBe(before);
    // A programme of another department is not this plan's to fund.
    const otherDept = await t.app.inject({ method: 'GET', url: '/api/v1/projects?limit=200' });
    const foreign = (otherDept.json().items as { id: string; departmentId: string }[]).find(
      (p) => p.departmentId !== tree.departmentId,
    );
    if (foreign)
      expect((await dept.post(url('/funding'), { projectId: foreign.id, budget: 1 })).json().error.details.reason).toBe(
        'plan_project_other_department',
      );
  });

  it('flags a task past its deadline short of target, and tells its organisation’s admins once', async () => {
    clock.advance(12 * DAY); // 2026-07-02 in Chongqing
    const got = (await dept.get(url())).json() as Plan;
    expect(got.keyTasks.find((k) => k.title === '嘉陵江渝中段巡河')).toMatchObject({ overdue: true, done: false });
    expect(got.keyTasks.find((k) => k.title === '梁滩河清漂')).toMatchObject({ overdue: false });
    expect(got.overdue).toBe(1);
    expect(await overviewRow()).toMatchObject({ overdue: 1 });
    expect(await noticeOverdueTasks(t.app.ctx.database.db)).toBe(1);
    expect(await noticeOverdueTasks(t.app.ctx.database.db)).toBe(0);
    const inbox = (await tree.teamAdmin.client.get('/api/v1/me/notifications?limit=200')).json().items as {
      kind: string;
      title: string;
      data: { planId: string };
    }[];
    expect(inbox.filter((n) => n.kind === 'plan_task_overdue')).toEqual([
      expect.objectContaining({ title: '重点任务已逾期', data: expect.objectContaining({ planId: plan.id }) }),
    ]);
    // Reaching the target clears the flag.
    const taskId = got.keyTasks.find((k) => k.title === '嘉陵江渝中段巡河')!.id;
    await dept.post(url(`/tasks/${taskId}/progress`), { value: 10, note: '完成' });
    expect(((await dept.get(url())).json() as Plan).overdue).toBe(0);
  });

  it('answers anyone every department’s public progress for the big screen: counts only, no funding, tasks or people', async () => {
    const anon = (query = '') => t.app.inject({ method: 'GET', url: `/api/v1/plans/progress${query}` });
    const res = await anon(); // the current year in Chongqing (the clock says 2026)
    expect(res.statusCode).toBe(200);
    const got = res.json() as PlanProgressView;
    expect(got.year).toBe(2026);
    const row = (await overviewRow())!;
    expect(row.budget).toBeGreaterThan(0);
    const mine = got.items.find((r) => r.departmentName === row.departmentName);
    expect(mine).toEqual({
      departmentName: row.departmentName,
      tasks: row.tasks,
      done: row.done,
      overdue: row.overdue,
      progress: row.progress,
    });
    expect(mine).toMatchObject({ tasks: 2, done: 2, overdue: 0, progress: 1 });
    // Most tasks first; the same rows as the admins' overview.
    const tasks = got.items.map((r) => r.tasks);
    expect(tasks).toEqual([...tasks].sort((a, b) => b - a));
    const overview = (await city.get('/api/v1/plans/overview?year=2026')).json() as { items: PlanOverviewRow[] };
    expect(got.items.map((r) => r.departmentName).sort()).toEqual(overview.items.map((r) => r.departmentName).sort());
    for (const item of got.items)
      expect(Object.keys(item).sort()).toEqual(['departmentName', 'done', 'overdue', 'progress', 'tasks']);
    const text = res.body;
    for (const hidden of [
      'budget',
      'spent',
      'funding',
      tree.departmentId,
      plan.id,
      '嘉陵江渝中段巡河',
      'userId',
      'name"',
    ])
      expect(text).not.toContain(hidden);
    // Another year: the department is listed with nothing to show.
    const before = (await anon('?year=2025')).json() as PlanProgressView;
    expect(before.year).toBe(2025);
    expect(before.items.find((r) => r.departmentName === row.departmentName)).toMatchObject({ tasks: 0, done: 0 });
    for (const bad of ['?year=abc', '?year=1999', '?year=2101', '?year=2026.5', '?year=2026&departmentId=x']) {
      const refused = await anon(bad);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.message, bad).toBeTruthy();
    }
  });

  it('exports the overview as .xlsx for the city’s system admins only, with the same figures', async () => {
    const res = await city.get('/api/v1/plans/overview.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/plans_2026/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('专项实施方案 Plans 2026')!.getSheetValues().slice(2) as unknown[][];
    const row = (await overviewRow())!;
    expect(rows.find((r) => r[1] === row.departmentName)?.slice(1)).toEqual([
      row.departmentName,
      row.plans,
      row.tasks,
      row.done,
      row.overdue,
      Math.floor(row.progress * 100),
      row.budget / 100,
      row.spent / 100,
    ]);
    expect((await dept.get('/api/v1/plans/overview.xlsx?year=2026')).statusCode).toBe(403);
    expect((await yuzhong.get('/api/v1/plans/overview.xlsx?year=2026')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/plans/overview.xlsx?year=2026' })).statusCode).toBe(401);
    expect((await city.get('/api/v1/plans/overview.xlsx?year=abc')).statusCode).toBe(400);
  });
});
