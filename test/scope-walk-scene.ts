import { expect } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
} from './activity-factories.js';
import { isoIn } from './clock.js';
import { makeUser, makeVolunteer, REGIONS } from './factories.js';
import { insertPendingRecord } from './record-factories.js';
import { makeSupermarketSite, staff } from './supermarket-fixtures.js';
import type { TestApp } from './test-app.js';

/** One write call of the scope walk: what an admin from another district tries. */
export interface WriteCall {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

const HOUR = 3_600_000;

/**
 * The scene of the scope walk (modules/access/scope-walk.test.ts): what lies in 渝中区 — a team's
 * activity with a sign-up and a record, a site, a supermarket with goods, a membership, a role
 * grant, a brand project and honours, a pending points adjustment, a need, a department's plan
 * with a funded programme, a submitted story and a tip, a routed report — and the outsider, who
 * administers 沙坪坝区 and its team, with every write call naming one of those things.
 */
export async function scopeWalkScene(t: TestApp): Promise<{ outsider: BearerClient; calls: WriteCall[] }> {
  const tree = await makeOrganisationTree(t.app);
  const system = await clientFor(
    t.app,
    (await makeUser(t.tdb.db, { roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }] })).id,
  );
  const person = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
  const activity = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(-1, 4, { capacity: 10 })] });
  const shiftId = activity.shiftIds[0] as string;
  const signup = await makeSignup(t.app, { shiftId, volunteerId: person.id, status: 'applied' });
  const recordId = await insertPendingRecord(t.tdb.db, {
    volunteerId: person.id,
    activityId: activity.id,
    organisationId: tree.teamId,
    startAt: isoIn(-HOUR),
    minutes: 60,
  });
  const site = await makeSupermarketSite(t, REGIONS.jiefangbei, 'practice_point');
  const market = await makeSupermarketSite(t, REGIONS.jiefangbei);
  const clerk = await staff(t, 'clerk', market);
  const goods = await clerk.client.post(`/api/v1/supermarkets/${market}/goods`, {
    name: '毛巾',
    points: 10,
    stock: 5,
  });
  expect(goods.statusCode).toBe(201);
  const goodsId = goods.json().id as string;
  const invited = await tree.teamAdmin.client.post(`/api/v1/organisations/${tree.teamId}/members`, {
    volunteerId: person.id,
  });
  const membershipId = invited.json().id as string;
  const project = await system.post('/api/v1/projects', {
    name: '春风满巴渝',
    departmentId: tree.departmentId,
    field: 'ecology',
  });
  expect(project.statusCode).toBe(201);
  const honour = await system.post('/api/v1/honours', {
    subjectKind: 'volunteer',
    subjectId: person.id,
    name: '优秀志愿者',
    level: 'city',
    year: 2024,
  });
  expect(honour.statusCode).toBe(201);
  const bigAdjustment = await system.post(`/api/v1/volunteers/${person.id}/points/adjustments`, {
    amount: 20_000,
    reason: '年度表彰',
    idempotencyKey: 'walk-pending-adjustment',
  });
  expect(bigAdjustment.json()).toMatchObject({ status: 'pending' });
  const adjustmentId = bigAdjustment.json().adjustmentId as string;
  const grantee = await makeUser(t.tdb.db, {
    roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: tree.teamId }],
  });
  const grant = await t.tdb.db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', grantee.id)
    .executeTakeFirstOrThrow();

  const resident = await clientFor(
    t.app,
    (await makeUser(t.tdb.db, { roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }] })).id,
  );
  const need = await resident.post('/api/v1/needs', {
    type: 'elderly_care',
    text: '买菜',
    regionCode: REGIONS.jiefangbei,
    address: '民族路 1 号',
  });
  expect(need.statusCode).toBe(201);
  const needId = need.json().id as string;
  await system.post(`/api/v1/needs/${needId}/review`, { decision: 'accept' });
  expect((await system.post(`/api/v1/needs/${needId}/dispatch`, { organisationId: tree.teamId })).statusCode).toBe(200);

  // The department's plan, whose one key task is the 渝中区 team's, with a programme funded.
  const plan = await system.post('/api/v1/plans', {
    departmentId: tree.departmentId,
    year: 2026,
    title: '美丽河湖',
    field: 'ecology',
  });
  const planId = plan.json().id as string;
  const withTask = await system.post(`/api/v1/plans/${planId}/tasks`, {
    title: '巡河',
    organisationId: tree.teamId,
    target: 10,
    unit: '次',
    deadline: '2026-12-31',
  });
  const taskId = withTask.json().keyTasks[0].id as string;
  const funded = await system.post(`/api/v1/plans/${planId}/funding`, { projectId: project.json().id, budget: 100 });
  expect(funded.statusCode).toBe(201);
  const fundingId = funded.json().funding[0].id as string;
  const spent = await system.post(`/api/v1/plans/${planId}/funding/${fundingId}/spending`, {
    amount: 50,
    spentOn: '2026-02-01',
  });
  const spending = `/api/v1/plans/${planId}/funding/${fundingId}/spending/${spent.json().funding[0].spending[0].id}`;

  // A submitted story of the 渝中区 team, and a tip that landed with it.
  const writer = tree.teamAdmin.client;
  const story = await writer.post('/api/v1/stories', {
    organisationId: tree.teamId,
    title: '江岸清洁',
    summary: '清理江岸',
    field: 'ecology',
  });
  const storyId = story.json().id as string;
  const storyBody = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '清理' }] }] };
  await writer.request('PATCH', `/api/v1/stories/${storyId}`, { body: storyBody });
  expect((await writer.post(`/api/v1/stories/${storyId}/submit`)).statusCode).toBe(200);
  const tip = await t.app.inject({
    method: 'POST',
    url: '/api/v1/story-tips',
    payload: { regionCode: REGIONS.yuzhong, text: '线索' },
  });
  const tipId = tip.json().id as string;

  // A report from 解放碑, routed by 渝中区's rule to its team.
  const rule = await system.request('PUT', '/api/v1/reports/routes', {
    regionCode: REGIONS.yuzhong,
    category: 'water',
    organisationId: tree.teamId,
  });
  expect(rule.statusCode).toBe(200);
  const ruleId = rule.json().id as string;
  const report = await resident.post('/api/v1/reports', {
    category: 'water',
    text: '河边有垃圾',
    regionCode: REGIONS.jiefangbei,
  });
  expect(report.json()).toMatchObject({ status: 'routed' });
  const reportId = report.json().id as string;

  // The outsider administers 沙坪坝区 and its team: real duties, none of them over 渝中区.
  const u = await makeUser(t.tdb.db, {
    roles: [
      { role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba },
      { role: 'team_admin', scopeType: 'organisation', scopeId: tree.otherTeamId },
    ],
  });
  const outsider = await clientFor(t.app, u.id);

  const start = isoIn(48 * HOUR);
  const end = isoIn(50 * HOUR);
  const P = (path: string, body: unknown = {}): WriteCall => ({ method: 'POST', path, body });
  const calls: WriteCall[] = [];
  calls.push(
    P('/api/v1/organisations', {
      name: '新小队',
      kind: 'team',
      level: 'town',
      regionCode: REGIONS.jiefangbei,
      parentId: tree.teamId,
      fields: ['ecology'],
    }),
    P(`/api/v1/organisations/${tree.teamId}/members`, { volunteerCode: person.volunteerCode }),
    P(`/api/v1/organisations/${tree.teamId}/applications`),
    P('/api/v1/roles', { userId: u.id, role: 'team_admin', scopeType: 'organisation', scopeId: tree.teamId }),
    { method: 'DELETE', path: `/api/v1/roles/${grant.id}` },
    // Managed by the outsider's own team, but placed in 渝中区: outside the team's region.
    P('/api/v1/sites', {
      organisationId: tree.otherTeamId,
      name: '新阵地',
      type: 'practice_point',
      regionCode: REGIONS.jiefangbei,
      address: '渝中区',
      lat: 29.55,
      lng: 106.57,
    }),
    { method: 'PATCH', path: `/api/v1/sites/${site}`, body: { openingHours: '每天 9:00-17:00' } },
    { method: 'PATCH', path: `/api/v1/volunteers/${person.id}`, body: { skills: ['急救'] } },
    P('/api/v1/volunteers/search', { regionCode: REGIONS.yuzhong, phone: person.phone }),
    P('/api/v1/projects', { name: '新项目', departmentId: tree.departmentId, field: 'ecology' }),
    P(`/api/v1/projects/${project.json().id}/honours`, { title: '优秀项目', year: 2026 }),
    ...(['volunteer', 'organisation', 'project'] as const).map((kind) =>
      P('/api/v1/honours', {
        subjectKind: kind,
        subjectId: { volunteer: person.id, organisation: tree.teamId, project: project.json().id }[kind],
        name: '优秀',
        level: 'district',
        year: 2024,
      }),
    ),
    // Refused before its body is read: the honour is not the outsider's to change.
    P(`/api/v1/honours/${honour.json().id}/image`),
    { method: 'DELETE', path: `/api/v1/honours/${honour.json().id}` },
    P('/api/v1/activities', {
      organisationId: tree.teamId,
      title: '岸线清洁',
      field: 'ecology',
      description: '清理垃圾',
      location: { address: '渝中区解放碑', lat: 29.5576, lng: 106.5774 },
      radiusM: 200,
      requiresApproval: false,
      shifts: [{ start, end, capacity: 5 }],
    }),
    { method: 'PATCH', path: `/api/v1/activities/${activity.id}`, body: { title: '改名' } },
    P(`/api/v1/activities/${activity.id}/publish`),
    P(`/api/v1/activities/${activity.id}/cancel`, { reason: '天气' }),
    { method: 'PATCH', path: `/api/v1/shifts/${shiftId}`, body: { capacity: 3 } },
    P(`/api/v1/shifts/${shiftId}/people-served`, { count: 30 }),
    P(`/api/v1/shifts/${shiftId}/signups`),
    { method: 'DELETE', path: `/api/v1/signups/${signup.id}` },
    P(`/api/v1/signups/${signup.id}/approve`),
    P(`/api/v1/signups/${signup.id}/reject`, { reason: '名额已满' }),
    P(`/api/v1/signups/${signup.id}/no-show`),
    P(`/api/v1/volunteers/${person.id}/qualifications`, { kind: 'first_aid' }),
    P('/api/v1/insurance-policies', {
      insurer: '中国人寿',
      policyNumber: 'X-1',
      startsOn: start.slice(0, 10),
      endsOn: end.slice(0, 10),
      activityId: activity.id,
    }),
    P(`/api/v1/shifts/${shiftId}/attendance`, { volunteerId: person.id, kind: 'in', reason: '手机没电' }),
    P('/api/v1/records', {
      volunteerId: person.id,
      activityId: activity.id,
      start: isoIn(-3 * HOUR),
      end: isoIn(-2 * HOUR),
      content: '清理',
      evidence: '签到表',
    }),
    P(`/api/v1/records/${recordId}/confirm`),
    P('/api/v1/records/confirm', { ids: [recordId] }),
    P(`/api/v1/records/${recordId}/revoke`, { reason: '重复' }),
    P(`/api/v1/records/${recordId}/corrections`, { reason: '时间不对', start: isoIn(-HOUR), end: isoIn(0) }),
    P('/api/v1/record-corrections/01a00000-0000-7000-8000-000000000000/answer', { accept: false, answer: '不同意' }),
    P(`/api/v1/volunteers/${person.id}/points/adjustments`, {
      amount: 10,
      reason: '补记',
      idempotencyKey: 'walk-adjust-1',
    }),
    P(`/api/v1/point-adjustments/${adjustmentId}/approve`),
    P(`/api/v1/point-adjustments/${adjustmentId}/reject`, { reason: '不同意' }),
    P('/api/v1/point-rules', { scopeType: 'region', scopeId: REGIONS.yuzhong, pointsPerHour: 10 }),
    P(`/api/v1/supermarkets/${market}/goods`, { name: '水杯', points: 5, stock: 3 }),
    { method: 'PATCH', path: `/api/v1/supermarkets/${market}/goods/${goodsId}`, body: { points: 1 } },
    P(`/api/v1/supermarkets/${market}/goods/${goodsId}/stock`, { delta: 10, reason: '捐赠' }),
    P(`/api/v1/supermarkets/${market}/member-lookup`, { memberCode: 'not-a-member-code' }),
    P(`/api/v1/supermarkets/${market}/redemptions`, {
      memberCode: 'not-a-member-code',
      items: [{ goodsId, qty: 1 }],
      idempotencyKey: 'walk-redeem-1',
    }),
    P('/api/v1/redemptions/01a00000-0000-7000-8000-000000000000/reverse', {
      reason: '退回',
      idempotencyKey: 'walk-reverse-1',
    }),
    P('/api/v1/redemptions/01a00000-0000-7000-8000-000000000000/void', {
      reason: '扫错了人',
      idempotencyKey: 'walk-void-1',
    }),
    P(`/api/v1/memberships/${membershipId}/accept`),
    P(`/api/v1/memberships/${membershipId}/decline`),
    P(`/api/v1/memberships/${membershipId}/end`),
    P(`/api/v1/needs/${needId}/review`, { decision: 'reject', reason: '不受理' }),
    P(`/api/v1/needs/${needId}/dispatch`, { organisationId: tree.otherTeamId }),
    P(`/api/v1/needs/${needId}/take`),
    P(`/api/v1/needs/${needId}/complete`, { report: '完成' }),
    // Refused before its body is read: the need is not the outsider's to see.
    P(`/api/v1/needs/${needId}/photos`),
    P(`/api/v1/needs/${needId}/rate`, { score: 1 }),
    P(`/api/v1/needs/${needId}/cancel`, { reason: '取消' }),
    P(`/api/v1/needs/${needId}/complain`, { text: '投诉' }),
    P(`/api/v1/needs/${needId}/activity`, {
      organisationId: tree.otherTeamId,
      title: '陪同',
      field: 'ecology',
      location: { address: '集合点', lat: 29.5, lng: 106.5 },
      radiusM: 300,
      shift: { start, end, capacity: 2 },
    }),
    { method: 'PUT', path: `/api/v1/regions/${REGIONS.yuzhong}/need-sla`, body: { reviewMinutes: 60 } },
    P('/api/v1/certificates', { volunteerId: person.id, from: '2000-01-01', to: '2100-12-31' }),
    P('/api/v1/certificates', {
      volunteerId: person.id,
      from: '2000-01-01',
      to: '2100-12-31',
      organisationId: tree.teamId,
    }),
    P('/api/v1/plans', { departmentId: tree.departmentId, year: 2026, title: '新方案', field: 'ecology' }),
    { method: 'PATCH', path: `/api/v1/plans/${planId}`, body: { title: '改名' } },
    P(`/api/v1/plans/${planId}/tasks`, {
      title: '新任务',
      organisationId: tree.otherTeamId,
      target: 5,
      unit: '次',
      deadline: '2026-12-31',
    }),
    { method: 'PATCH', path: `/api/v1/plans/${planId}/tasks/${taskId}`, body: { target: 1 } },
    P(`/api/v1/plans/${planId}/tasks/${taskId}/progress`, { value: 10 }),
    P(`/api/v1/plans/${planId}/funding`, { projectId: project.json().id, budget: 1 }),
    P(`/api/v1/plans/${planId}/funding/${fundingId}/spending`, { amount: 100, spentOn: '2026-03-01' }),
    { method: 'PATCH', path: spending, body: { amount: 1 } },
    { method: 'DELETE', path: spending },
    // Refused before its body is read: the plan is not the outsider's to see.
    P(`/api/v1/plans/${planId}/photos`),
    P('/api/v1/stories', { organisationId: tree.teamId, title: '新稿', summary: '新稿', field: 'ecology' }),
    { method: 'PATCH', path: `/api/v1/stories/${storyId}`, body: { title: '改名' } },
    P(`/api/v1/stories/${storyId}/submit`),
    P(`/api/v1/stories/${storyId}/approve`),
    P(`/api/v1/stories/${storyId}/return`, { reason: '不好' }),
    P(`/api/v1/stories/${storyId}/photos`),
    P(`/api/v1/story-tips/${tipId}/decide`, { status: 'dismissed' }),
    {
      method: 'PUT',
      path: '/api/v1/reports/routes',
      body: { regionCode: REGIONS.yuzhong, category: 'water', organisationId: tree.otherTeamId },
    },
    { method: 'DELETE', path: `/api/v1/reports/routes/${ruleId}` },
    P(`/api/v1/reports/${reportId}/route`, { organisationId: tree.otherTeamId }),
    P(`/api/v1/reports/${reportId}/answer`, { outcome: 'handled', note: '已处理' }),
  );
  return { outsider, calls };
}
