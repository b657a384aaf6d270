import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../common/contract/workbench.js';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeUser, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { reportStep, submitted } from '../../../../test/reports.js';
import { addGoods, makeMember, makeSupermarketSite, redeem, staff } from '../../../../test/supermarket-fixtures.js';
import { isoIn } from '../../../../test/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

const EMPTY: Workbench = {
  organiser: null,
  admin: null,
  counters: [],
  sites: [],
  needs: null,
  reports: null,
  stories: null,
};
/** The report to-dos of an organisation's admin, and of a region admin, where none wait. */
const NO_REPORTS_TO_ANSWER = { toAnswer: 0, toRoute: null };
const NO_REPORTS_TO_ROUTE = { toAnswer: null, toRoute: 0 };
/** The needs to-dos of someone who reviews needs where none are open. */
const NO_NEEDS = { toReview: 0, open: 0, overdue: 0 };
/** The stories to-dos of an admin with no story to review and no new tip. */
const NO_STORIES = { toReview: 0, newTips: 0 };

/*
 * Two teams of one department: 渝中 (with a sub-team) and 沙坪坝. 渝中 has two sign-ups waiting
 * for approval (and one on a shift already over, which no longer waits), a draft, one pending
 * record of its sub-team and one confirmed elsewhere; 沙坪坝 has one of each. A supermarket in
 * 解放碑 has redeemed once today; a practice point has one shift this week and one next month.
 */
describe.each(DIALECTS)('the workbench on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let supermarketId: string;
  let pointId: string;
  const workbenchOf = async (userId: string) => {
    const res = await (await clientFor(t.app, userId)).get('/api/v1/me/workbench');
    expect(res.statusCode).toBe(200);
    return res.json() as Workbench;
  };
  const regionAdmin = async (code: string) =>
    (await makeUser(t.tdb.db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: code }] })).id;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    const approval = { requiresApproval: true };
    const yuzhong = await makeActivity(t.app, { orgId: tree.teamId, ...approval, shifts: [shiftAt(24), shiftAt(-5)] });
    const [next, over] = yuzhong.shiftIds as [string, string];
    await makeSignup(t.app, { shiftId: next, status: 'applied' });
    await makeSignup(t.app, { shiftId: next, status: 'applied' });
    await makeSignup(t.app, { shiftId: next, status: 'approved' });
    await makeSignup(t.app, { shiftId: over, status: 'applied' });
    await makeActivity(t.app, { orgId: tree.subTeamId, status: 'draft' });
    const other = await makeActivity(t.app, { orgId: tree.otherTeamId, ...approval, shifts: [shiftAt(48)] });
    await makeSignup(t.app, { shiftId: other.shiftIds[0] as string, status: 'applied' });

    const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    await makeVolunteer(t.app, { regionCode: REGIONS.xiaolongkan });
    const record = (activityId: string, organisationId: string) =>
      insertPendingRecord(db, {
        volunteerId: v.id,
        activityId,
        organisationId,
        startAt: isoIn(-86_400_000),
        minutes: 60,
      });
    await record(yuzhong.id, tree.subTeamId);
    const confirmed = await record(yuzhong.id, tree.teamId);
    await db.updateTable('service_records').set({ status: 'confirmed' }).where('id', '=', confirmed).execute();
    await record(other.id, tree.otherTeamId);

    supermarketId = await makeSupermarketSite(t);
    const clerk = await staff(t, 'clerk', supermarketId);
    const goods = await addGoods(clerk.client, supermarketId, { points: 7 });
    const member = await makeMember(t, 50);
    const redeemed = await redeem(clerk.client, supermarketId, member.code(), [{ goodsId: goods.id, qty: 1 }]);
    expect(redeemed.statusCode).toBe(201);

    pointId = await makeSupermarketSite(t, REGIONS.jiefangbei, 'practice_point');
    const soon = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(30), shiftAt(24 * 30)] });
    await db.updateTable('activities').set({ site_id: pointId }).where('id', '=', soon.id).execute();
  });
  afterAll(() => t.close());

  it('refuses an anonymous caller', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/workbench' })).statusCode).toBe(401);
  });

  it("gives a team admin their team's to-dos and nothing of the neighbouring team", async () => {
    const mine = await workbenchOf(tree.teamAdmin.userId);
    expect(mine).toEqual({
      ...EMPTY,
      organiser: { signupsToApprove: 2, recordsToConfirm: 1, drafts: 1, openActivities: 2 },
      reports: NO_REPORTS_TO_ANSWER,
      stories: NO_STORIES,
    });
    const theirs = await workbenchOf(tree.otherTeamAdmin.userId);
    expect(theirs.organiser).toEqual({ signupsToApprove: 1, recordsToConfirm: 1, drafts: 0, openActivities: 1 });
  });

  it('gives a department admin the to-dos of every team under it, and no count of people', async () => {
    const w = await workbenchOf(tree.departmentAdmin.userId);
    expect(w.organiser).toEqual({ signupsToApprove: 3, recordsToConfirm: 2, drafts: 1, openActivities: 3 });
    expect(w.admin).toEqual({ volunteers: null, organisations: 4, openActivities: 3 });
  });

  it("counts a region admin's volunteers, organisations and activities within the region only", async () => {
    // 渝中: the five made for sign-ups, the one who served and the supermarket's member (解放碑 by default).
    const yuzhong = await workbenchOf(await regionAdmin(REGIONS.yuzhong));
    expect(yuzhong).toEqual({
      ...EMPTY,
      admin: { volunteers: 7, organisations: 2, openActivities: 2 },
      needs: NO_NEEDS,
      reports: NO_REPORTS_TO_ROUTE,
      stories: NO_STORIES,
    });
    const shapingba = await workbenchOf(await regionAdmin(REGIONS.shapingba));
    expect(shapingba.admin).toEqual({ volunteers: 1, organisations: 1, openActivities: 1 });
  });

  it('counts everything for a system admin', async () => {
    const system = await makeUser(t.tdb.db, {
      roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }],
    });
    const w = await workbenchOf(system.id);
    // Volunteers include the sign-ups' and the supermarket member's, all registered by the factories.
    expect(w.admin?.organisations).toBe(4);
    expect(w.admin?.openActivities).toBe(3);
    const all = await t.tdb.db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(w.admin?.volunteers).toBe(Number(all?.n));
    expect(w.organiser).toBeNull();
  });

  it("gives a clerk today's redemptions of their supermarket and a site manager the week's shifts", async () => {
    const clerk = await staff(t, 'clerk', supermarketId);
    expect(await workbenchOf(clerk.userId)).toEqual({
      ...EMPTY,
      counters: [{ siteId: supermarketId, name: '解放碑积分超市', redemptionsToday: 1, pointsToday: 7 }],
    });
    const manager = await staff(t, 'site_manager', pointId);
    expect(await workbenchOf(manager.userId)).toEqual({
      ...EMPTY,
      sites: [{ siteId: pointId, name: '解放碑新时代文明实践站', shiftsThisWeek: 1 }],
      needs: NO_NEEDS,
    });
  });

  it('gives a volunteer an empty workbench', async () => {
    const v = await makeVolunteer(t.app);
    expect(await workbenchOf(v.userId)).toEqual(EMPTY);
  });

  it("counts the needs awaiting review, on their way and overdue in a reviewer's regions only", async () => {
    const resident = await clientFor(
      t.app,
      (await makeUser(t.tdb.db, { roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }] })).id,
    );
    const post = async () => {
      const res = await resident.post('/api/v1/needs', {
        type: 'elderly_care',
        text: '需要有人陪老人买菜',
        regionCode: REGIONS.jiefangbei,
        address: '解放碑 1 号',
      });
      expect(res.statusCode).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const [late] = [await post(), await post()];
    // Test set-up: the first one's review was due an hour ago.
    await t.tdb.db
      .updateTable('needs')
      .set({ due_at: isoIn(-3_600_000) })
      .where('id', '=', late)
      .execute();
    const yuzhong = await workbenchOf(await regionAdmin(REGIONS.yuzhong));
    expect(yuzhong.needs).toEqual({ toReview: 2, open: 2, overdue: 1 });
    expect((await workbenchOf(await regionAdmin(REGIONS.shapingba))).needs).toEqual(NO_NEEDS);
    expect((await workbenchOf(tree.teamAdmin.userId)).needs).toBeNull();
  });

  it('counts the reports an organisation has to answer and those a region admin has to route, in scope only', async () => {
    const yuzhongAdmin = await regionAdmin(REGIONS.yuzhong);
    const rules = await clientFor(t.app, yuzhongAdmin);
    const rule = { regionCode: REGIONS.yuzhong, category: 'water', organisationId: tree.teamId };
    expect((await rules.request('PUT', '/api/v1/reports/routes', rule)).statusCode).toBe(200);
    const reporter = await clientFor(t.app, (await makeVolunteer(t.app)).userId);
    // Two water reports of 解放碑 go to the 渝中 team (one answered at once); one of civility there, and
    // one of 沙坪坝, wait unrouted.
    const [first] = [
      await submitted(reporter, { category: 'water', regionCode: REGIONS.jiefangbei }),
      await submitted(reporter, { category: 'water', regionCode: REGIONS.yuzhong }),
      await submitted(reporter, { category: 'civility', regionCode: REGIONS.jiefangbei }),
      await submitted(reporter, { category: 'water', regionCode: REGIONS.shapingba }),
    ];
    await reportStep(tree.teamAdmin.client, `/api/v1/reports/${first!.id}/answer`, {
      outcome: 'handled',
      note: '已清理',
    });
    expect((await workbenchOf(tree.teamAdmin.userId)).reports).toEqual({ toAnswer: 1, toRoute: null });
    expect((await workbenchOf(tree.departmentAdmin.userId)).reports).toEqual({ toAnswer: 1, toRoute: null });
    expect((await workbenchOf(tree.otherTeamAdmin.userId)).reports).toEqual(NO_REPORTS_TO_ANSWER);
    expect((await workbenchOf(yuzhongAdmin)).reports).toEqual({ toAnswer: null, toRoute: 1 });
    expect((await workbenchOf(await regionAdmin(REGIONS.shapingba))).reports).toEqual({ toAnswer: null, toRoute: 1 });
    const system = await makeUser(t.tdb.db, {
      roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }],
    });
    expect((await workbenchOf(system.id)).reports).toEqual({ toAnswer: null, toRoute: 2 });
    expect((await workbenchOf((await makeVolunteer(t.app)).userId)).reports).toBeNull();
  });

  it('counts the stories a reviewer decides on and the new tips of an organisation, never their own or a neighbour’s', async () => {
    const write = async (title: string) => {
      const c = tree.teamAdmin.client;
      const made = await c.post('/api/v1/stories', {
        organisationId: tree.teamId,
        title,
        summary: '摘要',
        field: 'ecology',
      });
      expect(made.statusCode, made.body).toBe(201);
      const id = (made.json() as { id: string }).id;
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '江边' }] }] };
      expect((await c.patch(`/api/v1/stories/${id}`, { body })).statusCode).toBe(200);
      expect((await c.post(`/api/v1/stories/${id}/submit`)).statusCode).toBe(200);
    };
    await write('嘉陵江边');
    await write('长江边');
    const tip = await t.app.inject({
      method: 'POST',
      url: '/api/v1/story-tips',
      payload: { regionCode: REGIONS.shapingba, text: '沙坪坝的志愿者每周清理河岸' },
    });
    expect(tip.statusCode, tip.body).toBe(201);
    // The department over the team reviews; the team wrote them; 沙坪坝's team got the tip.
    expect((await workbenchOf(tree.departmentAdmin.userId)).stories).toEqual({ toReview: 2, newTips: 1 });
    expect((await workbenchOf(tree.teamAdmin.userId)).stories).toEqual(NO_STORIES);
    expect((await workbenchOf(tree.otherTeamAdmin.userId)).stories).toEqual({ toReview: 0, newTips: 1 });
    expect((await workbenchOf(await regionAdmin(REGIONS.yuzhong))).stories).toEqual({ toReview: 2, newTips: 0 });
    expect((await workbenchOf(await regionAdmin(REGIONS.shapingba))).stories).toEqual({ toReview: 0, newTips: 1 });
  });
});
