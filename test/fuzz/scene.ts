/**
 * The world the fuzz and the access matrix act on: two districts (渝中区 in scope, 沙坪坝区 out of
 * it), each with a team, an activity with sign-ups and a pending record, a site and a supermarket
 * with goods; and one person per role, each with a bearer token. Built with the shared factories.
 */
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
} from '../activity-factories.js';
import { isoIn } from '../clock.js';
import { makeUser, makeVolunteer, REGIONS, type MadeVolunteer } from '../factories.js';
import { insertPendingRecord } from '../record-factories.js';
import { rebuildStats } from '../../src/server/modules/stats/index.js';
import { makeSupermarketSite, staff } from '../supermarket-fixtures.js';
import type { TestApp } from '../test-app.js';

/** The callers every operation is tried as. */
export const ROLES = ['anonymous', 'volunteer', 'organiser', 'site_manager', 'region_admin', 'system_admin'] as const;
export type FuzzRole = (typeof ROLES)[number];

/** The ids of one district's resources, by the path segment that names them. */
export type Ids = Record<string, string[]>;

export interface Scene {
  /** A bearer client per signed-in role (the volunteer, organiser… of 渝中区). */
  clients: Record<Exclude<FuzzRole, 'anonymous'>, BearerClient>;
  /** The user id of each signed-in role, for fresh tokens. */
  userIds: Record<Exclude<FuzzRole, 'anonymous'>, string>;
  /** Each signed-in role's login (username or phone); the password is PASSWORD. */
  logins: Record<Exclude<FuzzRole, 'anonymous'>, string>;
  /** Resources in 渝中区, which the organiser, site manager and region admin hold. */
  inScope: Ids;
  /** Resources in 沙坪坝区, which none of them holds (the system admin holds everything). */
  outOfScope: Ids;
  /** The volunteer of the `volunteer` role, with the plain values the log scan looks for. */
  volunteer: MadeVolunteer;
  /** The ledger's, statistics' and capacities' invariants are checked over these. */
  shiftIds: string[];
}

const HOUR = 3_600_000;

async function district(t: TestApp, orgId: string, regionCode: string, lat: number, lng: number, person: string) {
  const activity = await makeActivity(t.app, {
    orgId,
    lat,
    lng,
    regionCode,
    shifts: [shiftAt(-1, 4, { capacity: 5 }), shiftAt(24, 2, { capacity: 2 })],
  });
  const [now, later] = activity.shiftIds as [string, string];
  const signup = await makeSignup(t.app, { shiftId: later, volunteerId: person, status: 'approved' });
  const applied = await makeSignup(t.app, { shiftId: now, status: 'applied' });
  const recordId = await insertPendingRecord(t.tdb.db, {
    volunteerId: person,
    activityId: activity.id,
    organisationId: orgId,
    startAt: isoIn(-3 * HOUR),
    minutes: 60,
  });
  const siteId = await makeSupermarketSite(t, regionCode, 'practice_point');
  const marketId = await makeSupermarketSite(t, regionCode);
  return { activity, signupIds: [signup.id, applied.id], recordId, siteId, marketId };
}

/** Builds the scene on a fresh test app. */
export async function makeScene(t: TestApp): Promise<Scene> {
  const tree = await makeOrganisationTree(t.app);
  const db = t.tdb.db;
  const volunteer = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
  const stranger = await makeVolunteer(t.app, { regionCode: REGIONS.xiaolongkan, name: '李远方' });
  const here = await district(t, tree.teamId, REGIONS.jiefangbei, 29.5576, 106.5774, volunteer.id);
  const there = await district(t, tree.otherTeamId, REGIONS.xiaolongkan, 29.5606, 106.4567, stranger.id);
  // A need posted by a resident in each district, waiting for review.
  const need = async (regionCode: string) => {
    const resident = await makeUser(db, { roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }] });
    const res = await (
      await clientFor(t.app, resident.id)
    ).post('/api/v1/needs', {
      type: 'elderly_care',
      text: '买菜',
      regionCode,
      address: '民族路 1 号',
    });
    if (res.statusCode !== 201) throw new Error(`need: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const needHere = await need(REGIONS.jiefangbei);
  const needThere = await need(REGIONS.xiaolongkan);
  // A plan of the department in each district: its one key task's organisation is of that district.
  const dept = tree.departmentAdmin.client;
  const year = Number(isoIn(0).slice(0, 4));
  const plan = async (organisationId: string, name: string) => {
    const made = await dept.post('/api/v1/plans', {
      departmentId: tree.departmentId,
      year,
      title: name,
      field: 'ecology',
    });
    if (made.statusCode !== 201) throw new Error(`plan: ${made.statusCode} ${made.body}`);
    const id = (made.json() as { id: string }).id;
    const task = { title: name, organisationId, target: 10, unit: '次', deadline: `${year}-12-31` };
    const withTask = await dept.post(`/api/v1/plans/${id}/tasks`, task);
    const project = await dept.post('/api/v1/projects', { name, departmentId: tree.departmentId, field: 'ecology' });
    const projectId = (project.json() as { id: string }).id;
    const funded = await dept.post(`/api/v1/plans/${id}/funding`, { projectId, budget: 100_00 });
    if (withTask.statusCode !== 201 || funded.statusCode !== 201) throw new Error(`plan: ${funded.body}`);
    const taskId = (withTask.json() as { keyTasks: { id: string }[] }).keyTasks[0]?.id ?? '';
    const fundingId = (funded.json() as { funding: { id: string }[] }).funding[0]?.id ?? '';
    const spent = await dept.post(`/api/v1/plans/${id}/funding/${fundingId}/spending`, {
      amount: 10_00,
      spentOn: `${year}-01-02`,
    });
    if (spent.statusCode !== 201) throw new Error(`spending: ${spent.body}`);
    const spendingId =
      (spent.json() as { funding: { spending: { id: string }[] }[] }).funding[0]?.spending[0]?.id ?? '';
    return { planId: id, taskId, fundingId, spendingId };
  };
  const planHere = await plan(tree.teamId, '渝中巡河');
  const planThere = await plan(tree.otherTeamId, '沙坪坝巡河');
  // A submitted story of each district's team, and a tip that landed with it.
  const story = async (c: BearerClient, organisationId: string, regionCode: string) => {
    const made = await c.post('/api/v1/stories', {
      organisationId,
      title: '江岸清洁',
      summary: '清理江岸',
      field: 'ecology',
    });
    if (made.statusCode !== 201) throw new Error(`story: ${made.statusCode} ${made.body}`);
    const id = (made.json() as { id: string }).id;
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '清理江岸' }] }] };
    await c.request('PATCH', `/api/v1/stories/${id}`, { body });
    const submitted = await c.post(`/api/v1/stories/${id}/submit`);
    if (submitted.statusCode !== 200) throw new Error(`story: ${submitted.statusCode} ${submitted.body}`);
    const tip = await t.app.inject({
      method: 'POST',
      url: '/api/v1/story-tips',
      payload: { regionCode, text: '线索' },
    });
    return { storyId: id, tipId: (tip.json() as { id: string }).id };
  };
  const storyHere = await story(tree.teamAdmin.client, tree.teamId, REGIONS.yuzhong);
  const storyThere = await story(tree.otherTeamAdmin.client, tree.otherTeamId, REGIONS.shapingba);
  const manager = await staff(t, 'site_manager', here.marketId);
  const clerk = await staff(t, 'clerk', here.marketId);
  const otherClerk = await staff(t, 'clerk', there.marketId);
  const goods = async (c: BearerClient, market: string) => {
    const res = await c.post(`/api/v1/supermarkets/${market}/goods`, { name: '毛巾', points: 10, stock: 5 });
    if (res.statusCode !== 201) throw new Error(`goods: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const goodsHere = await goods(clerk.client, here.marketId);
  const goodsThere = await goods(otherClerk.client, there.marketId);
  const user = async (role: 'region_admin' | 'system_admin') => {
    const scopeType = role === 'system_admin' ? 'system' : 'region';
    const scopeId = role === 'system_admin' ? 'system' : REGIONS.yuzhong;
    return (await makeUser(db, { roles: [{ role, scopeType, scopeId }] })).id;
  };
  const userIds = {
    volunteer: volunteer.userId,
    organiser: tree.teamAdmin.userId,
    site_manager: manager.userId,
    region_admin: await user('region_admin'),
    system_admin: await user('system_admin'),
  };
  const clients = {
    volunteer: await clientFor(t.app, userIds.volunteer),
    organiser: tree.teamAdmin.client,
    site_manager: manager.client,
    region_admin: await clientFor(t.app, userIds.region_admin),
    system_admin: await clientFor(t.app, userIds.system_admin),
  };
  const ids = (
    d: typeof here,
    org: string,
    person: MadeVolunteer,
    region: string,
    goodsId: string,
    needId: string,
    p: { planId: string; taskId: string; fundingId: string; spendingId: string },
    st: { storyId: string; tipId: string },
    reportId: string,
  ): Ids => ({
    activities: [d.activity.id],
    shifts: d.activity.shiftIds,
    signups: d.signupIds,
    records: [d.recordId],
    volunteers: [person.id],
    users: [person.userId],
    organisations: [org],
    sites: [d.siteId, d.marketId],
    supermarkets: [d.marketId],
    goods: [goodsId],
    regions: [region],
    codes: [person.volunteerCode],
    needs: [needId],
    plans: [p.planId],
    tasks: [p.taskId],
    funding: [p.fundingId],
    spending: [p.spendingId],
    stories: [st.storyId],
    tips: [st.tipId],
    reports: [reportId],
  });
  // A report in each district: water in 渝中 goes by the region admin's rule to the organiser's
  // team; the one of 沙坪坝 waits unrouted in its region admins' queue.
  const rule = await clients.region_admin.request('PUT', '/api/v1/reports/routes', {
    regionCode: REGIONS.yuzhong,
    category: 'water',
    organisationId: tree.teamId,
  });
  if (rule.statusCode !== 200) throw new Error(`routing rule: ${rule.statusCode} ${rule.body}`);
  const report = async (c: BearerClient, regionCode: string) => {
    const res = await c.post('/api/v1/reports', { category: 'water', text: '河边有垃圾', regionCode });
    if (res.statusCode !== 201) throw new Error(`report: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const reportHere = await report(clients.volunteer, REGIONS.jiefangbei);
  const reportThere = await report(await clientFor(t.app, stranger.userId), REGIONS.xiaolongkan);
  const usernames = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('id', 'in', Object.values(userIds))
    .execute();
  const loginOf = (id: string) => usernames.find((u) => u.id === id)?.username ?? '';
  const logins = {
    volunteer: volunteer.phone,
    organiser: loginOf(userIds.organiser),
    site_manager: loginOf(userIds.site_manager),
    region_admin: loginOf(userIds.region_admin),
    system_admin: loginOf(userIds.system_admin),
  };
  // The factories write rows straight to the tables: the kept statistics start from a rebuild.
  await rebuildStats(db);
  return {
    clients,
    userIds,
    logins,
    inScope: ids(here, tree.teamId, volunteer, REGIONS.yuzhong, goodsHere, needHere, planHere, storyHere, reportHere),
    outOfScope: ids(
      there,
      tree.otherTeamId,
      stranger,
      REGIONS.shapingba,
      goodsThere,
      needThere,
      planThere,
      storyThere,
      reportThere,
    ),
    volunteer,
    shiftIds: [...here.activity.shiftIds, ...there.activity.shiftIds],
  };
}
