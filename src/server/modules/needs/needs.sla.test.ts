import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Need, NeedSla } from '../../../common/contract/needs.js';
import {
  JIEFANGBEI_PRACTICE_POINT,
  makeUser,
  makeVolunteer,
  REGIONS,
  type UserOverrides,
} from '../../../../test/factories.js';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { freezeClock, isoIn, type FrozenClock } from '../../../../test/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId, nowIso } from '../../ids.js';
import { insertSite } from '../sites/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

interface Notice {
  kind: string;
  title: string;
  body: string;
  data: { needId?: string; step?: string };
}

describe.each(DIALECTS)('needs: service times, notices and complaints on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let clock: FrozenClock | undefined;
  let resident: BearerClient;
  let cityAdmin: BearerClient;
  let regionAdmin: BearerClient;
  let otherRegionAdmin: BearerClient;
  let siteManager: BearerClient;
  let member: BearerClient;
  let otherTeamMember: BearerClient;
  let siteId: string;

  const post = async (over: Record<string, unknown> = {}) => {
    const res = await resident.post('/api/v1/needs', {
      type: 'elderly_care',
      text: '独居老人需要每周买菜',
      regionCode: REGIONS.jiefangbei,
      address: '民族路 88 号',
      wantedAt: isoIn(2 * 86_400_000),
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Need;
  };
  const ok = async (c: BearerClient, url: string, payload: unknown = {}) => {
    const res = await c.post(url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Need;
  };
  const noticesOf = async (c: BearerClient, needId: string) =>
    ((await c.get('/api/v1/me/notifications?limit=200')).json() as { items: Notice[] }).items.filter(
      (n) => n.data.needId === needId,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    const user = async (roles: UserOverrides['roles'], locale?: 'zh-CN' | 'en') => {
      const u = await makeUser(db, { roles });
      if (locale) await db.updateTable('users').set({ locale }).where('id', '=', u.id).execute();
      return clientFor(t.app, u.id);
    };
    resident = await user([{ role: 'resident', scopeType: 'system', scopeId: 'system' }], 'en');
    cityAdmin = await user([{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }]);
    regionAdmin = await user([{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }]);
    otherRegionAdmin = await user([{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba }]);
    siteId = await insertSite(db, {
      ...JIEFANGBEI_PRACTICE_POINT,
      name: '解放碑街道新时代文明实践站',
      address: '民族路 1 号',
      organisationId: null,
    });
    siteManager = await user([{ role: 'site_manager', scopeType: 'site', scopeId: siteId }]);
    const v = await makeVolunteer(t.app);
    await db
      .insertInto('memberships')
      .values({
        id: newId(),
        organisation_id: tree.subTeamId,
        volunteer_id: v.id,
        role: 'member',
        status: 'active',
        joined_at: nowIso(),
      })
      .execute();
    member = await clientFor(t.app, v.userId);
    const w = await makeVolunteer(t.app);
    await db
      .insertInto('memberships')
      .values({
        id: newId(),
        organisation_id: tree.teamId,
        volunteer_id: w.id,
        role: 'member',
        status: 'active',
        joined_at: nowIso(),
      })
      .execute();
    otherTeamMember = await clientFor(t.app, w.userId);
  });
  afterEach(() => clock?.restore());
  afterAll(async () => {
    await t.close();
  });

  it('keeps city defaults and region overrides, to those allowed', async () => {
    const url = (code: string) => `/api/v1/regions/${code}/need-sla`;
    const base = (await regionAdmin.get(url(REGIONS.jiefangbei))).json() as NeedSla;
    expect(base.effective).toEqual({
      reviewMinutes: 1440,
      dispatchMinutes: 1440,
      takeMinutes: 2880,
      doneMinutes: 10080,
    });
    expect(base.from.reviewMinutes).toBeNull();

    // The city's admins set the city default; a district overrides one step of it.
    const city = await cityAdmin.request('PUT', url(REGIONS.city), { reviewMinutes: 240, takeMinutes: 600 });
    expect(city.statusCode, city.body).toBe(200);
    expect((await regionAdmin.request('PUT', url(REGIONS.city), { reviewMinutes: 1 })).statusCode).toBe(403);
    const district = await regionAdmin.request('PUT', url(REGIONS.yuzhong), { reviewMinutes: 120 });
    expect(district.json()).toMatchObject({ own: { reviewMinutes: 120, takeMinutes: null } });
    const street = (await siteManager.get(url(REGIONS.jiefangbei))).json() as NeedSla;
    expect(street).toMatchObject({
      regionCode: REGIONS.jiefangbei,
      effective: { reviewMinutes: 120, dispatchMinutes: 1440, takeMinutes: 600, doneMinutes: 10080 },
      from: { reviewMinutes: REGIONS.yuzhong, dispatchMinutes: null, takeMinutes: REGIONS.city },
      own: { reviewMinutes: null },
    });
    // Site managers read, do not set; another district neither; bad input is a 400.
    expect((await siteManager.request('PUT', url(REGIONS.jiefangbei), { reviewMinutes: 60 })).statusCode).toBe(403);
    expect((await otherRegionAdmin.get(url(REGIONS.jiefangbei))).statusCode).toBe(403);
    expect((await otherRegionAdmin.request('PUT', url(REGIONS.yuzhong), { reviewMinutes: 60 })).statusCode).toBe(403);
    expect((await resident.get(url(REGIONS.jiefangbei))).statusCode).toBe(403);
    expect((await regionAdmin.request('PUT', url(REGIONS.yuzhong), { reviewMinutes: 0 })).statusCode).toBe(400);
    expect((await regionAdmin.request('PUT', url(REGIONS.yuzhong), { hours: 1 })).statusCode).toBe(400);
    expect((await regionAdmin.get(url('999999'))).statusCode).toBe(404);
  });

  it('gives each need the time its step is due, marks it overdue by the clock, and sorts and filters the board', async () => {
    expect(
      (await regionAdmin.request('PUT', `/api/v1/regions/${REGIONS.yuzhong}/need-sla`, { reviewMinutes: 120 }))
        .statusCode,
    ).toBe(200);
    clock = freezeClock();
    const t0 = clock.now();
    // 渝中区 answers in 120 minutes; dispatch and done take the built-in defaults (the city sets neither).
    const first = await post();
    expect(first.dueAt).toBe(new Date(t0 + 120 * MIN).toISOString());
    expect(first.overdue).toBe(false);
    clock.advance(MIN);
    const second = await post();
    clock.advance(MIN);
    const accepted = await ok(siteManager, `/api/v1/needs/${second.id}/review`, { decision: 'accept' });
    expect(accepted.dueAt).toBe(new Date(t0 + 2 * MIN + 1440 * MIN).toISOString());

    clock.advance(2 * HOUR);
    const late = (await regionAdmin.get(`/api/v1/needs/${first.id}`)).json() as Need;
    expect(late).toMatchObject({ overdue: true, status: 'posted' });
    const overdue = (await regionAdmin.get(`/api/v1/needs?view=board&overdue=true`)).json() as { items: Need[] };
    expect(overdue.items.map((n) => n.id)).toContain(first.id);
    expect(overdue.items.map((n) => n.id)).not.toContain(second.id);
    expect(overdue.items.every((n) => n.overdue)).toBe(true);

    // By due time: the overdue first, one per page, the cursor carrying on.
    const seen: Need[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/needs?view=board&sort=due&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await siteManager.get(q)).json() as { items: Need[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = seen.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const dues = seen.map((n) => n.dueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(seen[0]?.overdue).toBe(true);

    // Nothing is due once it is done.
    await ok(regionAdmin, `/api/v1/needs/${second.id}/dispatch`, { organisationId: tree.subTeamId });
    const taken = await ok(member, `/api/v1/needs/${second.id}/take`);
    expect(taken.dueAt).toBe(new Date(clock.now() + 10080 * MIN).toISOString());
    const done = await ok(member, `/api/v1/needs/${second.id}/complete`, { report: '买好了' });
    expect(done).toMatchObject({ dueAt: null, overdue: false });
  });

  it('tells the next person at each step, in their language', async () => {
    const n = await post();
    const toReviewer = await noticesOf(regionAdmin, n.id);
    expect(toReviewer).toMatchObject([{ kind: 'need_update', data: { step: 'posted' }, title: '新的群众需求待审核' }]);
    expect(toReviewer[0]?.body).toContain('助老服务');
    expect(await noticesOf(siteManager, n.id)).toHaveLength(1);
    expect(await noticesOf(cityAdmin, n.id)).toHaveLength(1);
    expect(await noticesOf(otherRegionAdmin, n.id)).toHaveLength(0);
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    await ok(regionAdmin, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId });
    expect(await noticesOf(member, n.id)).toMatchObject([{ data: { step: 'dispatched' } }]);
    await ok(member, `/api/v1/needs/${n.id}/take`);
    await ok(member, `/api/v1/needs/${n.id}/complete`, { report: '已陪同' });
    const mine = await noticesOf(resident, n.id);
    expect(mine.map((x) => x.data.step).sort()).toEqual(['completed', 'taken']);
    expect(mine.find((x) => x.data.step === 'completed')?.title).toBe('Your need is done: please rate it');

    const rejected = await post();
    await ok(siteManager, `/api/v1/needs/${rejected.id}/review`, { decision: 'reject', reason: '请拨打 12345' });
    const cancelled = await post();
    await ok(regionAdmin, `/api/v1/needs/${cancelled.id}/cancel`, { reason: '重复提交' });
    expect(await noticesOf(resident, rejected.id)).toMatchObject([
      { data: { step: 'rejected' }, body: 'Your "Elderly care" need was not accepted. Reason: 请拨打 12345' },
    ]);
    expect((await noticesOf(resident, cancelled.id))[0]?.body).toContain('Reason: 重复提交');
    // The resident who cancels is not told of their own step.
    const own = await post();
    await ok(resident, `/api/v1/needs/${own.id}/cancel`, {});
    expect(await noticesOf(resident, own.id)).toHaveLength(0);
  });

  it('tells the team it leaves and the taker it releases on a re-dispatch, and the team on a cancellation', async () => {
    const n = await post();
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    await ok(regionAdmin, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId });
    await ok(member, `/api/v1/needs/${n.id}/take`);
    await ok(siteManager, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.teamId });
    const released = await noticesOf(member, n.id);
    expect(released.map((x) => x.data.step)).toEqual(['redispatched', 'dispatched']);
    expect(released[0]).toMatchObject({ kind: 'need_update', title: '需求已改派' });
    expect(released[0]?.body).toContain('解放碑街道的「助老服务」需求已重新派单');
    expect((await noticesOf(otherTeamMember, n.id)).map((x) => x.data.step)).toEqual(['dispatched']);
    await ok(regionAdmin, `/api/v1/needs/${n.id}/cancel`, { reason: '重复提交' });
    const toTeam = await noticesOf(otherTeamMember, n.id);
    expect(toTeam.map((x) => x.data.step)).toEqual(['team_cancelled', 'dispatched']);
    expect(toTeam[0]).toMatchObject({ title: '派给您团队的需求已取消' });
    expect(toTeam[0]?.body).toContain('原因：重复提交');
    // The released taker, no longer the team's, is not told again.
    expect(await noticesOf(member, n.id)).toHaveLength(2);
    expect((await noticesOf(resident, n.id)).map((x) => x.data.step)).toContain('cancelled');

    // Again to the same team: only the taker is released; the team is not told twice.
    const m = await post();
    await ok(regionAdmin, `/api/v1/needs/${m.id}/review`, { decision: 'accept' });
    await ok(regionAdmin, `/api/v1/needs/${m.id}/dispatch`, { organisationId: tree.teamId });
    await ok(otherTeamMember, `/api/v1/needs/${m.id}/take`);
    await ok(regionAdmin, `/api/v1/needs/${m.id}/dispatch`, { organisationId: tree.teamId });
    expect((await noticesOf(otherTeamMember, m.id)).map((x) => x.data.step)).toEqual(['redispatched', 'dispatched']);
    // Taken, then cancelled: the taker and the team hear of it once each.
    await ok(otherTeamMember, `/api/v1/needs/${m.id}/take`);
    await ok(regionAdmin, `/api/v1/needs/${m.id}/cancel`, {});
    const last = await noticesOf(otherTeamMember, m.id);
    expect(last.map((x) => x.data.step)).toEqual(['team_cancelled', 'redispatched', 'dispatched']);
    expect(last[0]?.body).toBe('解放碑街道的「助老服务」需求已取消，无需再为它服务。');
  });

  it('lets the resident complain once about a need done, for the admins to see', async () => {
    const n = await post();
    expect((await resident.post(`/api/v1/needs/${n.id}/complain`, { text: '没人来' })).statusCode).toBe(409);
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    await ok(regionAdmin, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId });
    await ok(member, `/api/v1/needs/${n.id}/take`);
    await ok(member, `/api/v1/needs/${n.id}/complete`, { report: '已办' });
    await ok(resident, `/api/v1/needs/${n.id}/rate`, { score: 2 });
    expect((await member.post(`/api/v1/needs/${n.id}/complain`, { text: '我' })).statusCode).toBe(403);
    expect((await resident.post(`/api/v1/needs/${n.id}/complain`, { text: '' })).statusCode).toBe(400);
    const complained = await ok(resident, `/api/v1/needs/${n.id}/complain`, { text: '态度不好，只待了十分钟' });
    expect(complained.status).toBe('rated');
    expect(complained.timeline.at(-1)).toMatchObject({
      kind: 'complained',
      details: { text: '态度不好，只待了十分钟' },
    });
    const seenByAdmin = (await regionAdmin.get(`/api/v1/needs/${n.id}`)).json() as Need;
    expect(seenByAdmin.timeline.map((e) => e.kind)).toContain('complained');
    const seenByTaker = (await member.get(`/api/v1/needs/${n.id}`)).json() as Need;
    expect(seenByTaker.timeline.map((e) => e.kind)).not.toContain('complained');
    expect((await noticesOf(siteManager, n.id)).map((x) => x.data.step)).toContain('complained');
    const again = await resident.post(`/api/v1/needs/${n.id}/complain`, { text: '再投诉' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { details: { reason: 'need_complained' } } });
  });

  it('counts needs, their times per step and the satisfaction rate, for those who review the region', async () => {
    clock = freezeClock();
    const walk = async (score: number) => {
      const n = await post({ type: 'legal_aid' });
      clock?.advance(30 * MIN);
      await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
      clock?.advance(60 * MIN);
      await ok(regionAdmin, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId });
      clock?.advance(60 * MIN);
      await ok(member, `/api/v1/needs/${n.id}/take`);
      clock?.advance(120 * MIN);
      await ok(member, `/api/v1/needs/${n.id}/complete`, { report: '已咨询' });
      await ok(resident, `/api/v1/needs/${n.id}/rate`, { score });
      return n;
    };
    await walk(5);
    const unhappy = await walk(2);
    await ok(resident, `/api/v1/needs/${unhappy.id}/complain`, { text: '答非所问' });
    const open = await post({ type: 'legal_aid' });
    clock.advance(3 * HOUR); // past 渝中区's 120 minutes to review
    const q = `/api/v1/stats/needs?regionCode=${REGIONS.yuzhong}&type=legal_aid`;
    const res = await regionAdmin.get(q);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      regionCode: REGIONS.yuzhong,
      total: 3,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
      overdue: 1,
      complaints: 1,
      byStatus: { rated: 2, posted: 1, cancelled: 0 },
      meanMinutes: { review: 30, dispatch: 60, take: 60, done: 120 },
      byType: [{ type: 'legal_aid', total: 3, satisfactionRate: 0.5 }],
      byRegion: [{ regionCode: REGIONS.jiefangbei, total: 3, rated: 2 }],
    });
    expect(open.status).toBe('posted');
    // The site manager reviews the street's needs, not the district's.
    expect((await siteManager.get(q)).statusCode).toBe(403);
    const street = await siteManager.get(`/api/v1/stats/needs?regionCode=${REGIONS.jiefangbei}&type=legal_aid`);
    expect(street.json()).toMatchObject({ total: 3, satisfactionRate: 0.5, byRegion: [] });
    expect((await otherRegionAdmin.get(q)).statusCode).toBe(403);
    expect((await member.get(q)).statusCode).toBe(403);
    expect(street.json()).toMatchObject({ bySite: [{ siteId: null, name: null, total: 3 }] });

    // By site: the site whose manager reviewed (or dispatched) the need handled it.
    const handled = await post({ type: 'legal_aid' });
    await ok(siteManager, `/api/v1/needs/${handled.id}/review`, { decision: 'accept' });
    const bySite = (await regionAdmin.get(q)).json() as { bySite: unknown[] };
    expect(bySite.bySite).toEqual([
      expect.objectContaining({ siteId, name: '解放碑街道新时代文明实践站', total: 1, rated: 0 }),
      expect.objectContaining({ siteId: null, name: null, total: 3, rated: 2, satisfactionRate: 0.5 }),
    ]);
    const oneSite = await siteManager.get(
      `/api/v1/stats/needs?regionCode=${REGIONS.jiefangbei}&type=legal_aid&siteId=${siteId}`,
    );
    expect(oneSite.json()).toMatchObject({ total: 1, byStatus: { accepted: 1 }, bySite: [{ siteId, total: 1 }] });
    expect((await regionAdmin.get(`${q}&siteId=nope`)).json()).toMatchObject({ total: 0, bySite: [] });
    expect((await regionAdmin.get('/api/v1/stats/needs?regionCode=999999')).statusCode).toBe(404);
    expect((await regionAdmin.get('/api/v1/stats/needs')).statusCode).toBe(400);
  });
});
