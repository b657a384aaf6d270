import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Need } from '../../../common/contract/needs.js';
import {
  JIEFANGBEI_PRACTICE_POINT,
  makePhone,
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
import { isoIn } from '../../../../test/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId, nowIso } from '../../ids.js';
import { insertSite } from '../sites/index.js';

const ADDRESS = '渝中区解放碑街道民族路 88 号 3 单元';

describe.each(DIALECTS)('residents’ needs on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let resident: BearerClient;
  let otherResident: BearerClient;
  let regionAdmin: BearerClient;
  let otherRegionAdmin: BearerClient;
  let siteManager: BearerClient;
  let member: BearerClient;
  let otherMember: BearerClient;
  let outsider: BearerClient;
  const phone = makePhone();

  const body = (over: Record<string, unknown> = {}) => ({
    type: 'elderly_care',
    text: '独居老人需要每周买菜、读报',
    regionCode: REGIONS.jiefangbei,
    address: ADDRESS,
    lat: 29.5576,
    lng: 106.5774,
    wantedAt: isoIn(2 * 86_400_000),
    contactPhone: phone,
    ...over,
  });
  const post = async (c: BearerClient = resident, over: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/needs', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Need;
  };
  const ok = async (c: BearerClient, url: string, payload: unknown = {}) => {
    const res = await c.post(url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Need;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const db = t.tdb.db;
    const user = async (roles: UserOverrides['roles']) => clientFor(t.app, (await makeUser(db, { roles })).id);
    resident = await user([{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);
    otherResident = await user([{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);
    regionAdmin = await user([{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }]);
    otherRegionAdmin = await user([{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba }]);
    const siteId = await insertSite(db, {
      ...JIEFANGBEI_PRACTICE_POINT,
      name: '解放碑街道新时代文明实践站',
      address: '民族路 1 号',
      organisationId: null,
    });
    siteManager = await user([{ role: 'site_manager', scopeType: 'site', scopeId: siteId }]);
    const join = async (orgId: string) => {
      const v = await makeVolunteer(t.app);
      await db
        .insertInto('memberships')
        .values({
          id: newId(),
          organisation_id: orgId,
          volunteer_id: v.id,
          role: 'member',
          status: 'active',
          joined_at: nowIso(),
        })
        .execute();
      return clientFor(t.app, v.userId);
    };
    member = await join(tree.subTeamId);
    otherMember = await join(tree.otherTeamId);
    outsider = await clientFor(t.app, (await makeVolunteer(t.app)).userId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the types of need to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/need-types' });
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as { items: { code: string }[] }).items.map((i) => i.code);
    expect(codes).toEqual([
      'elderly_care',
      'disability_care',
      'child_care',
      'medical_escort',
      'legal_aid',
      'psychological',
      'environment',
      'repair',
      'other',
    ]);
  });

  it('walks a need from posting to rating, with its timeline, and shows the contact only to those who should see it', async () => {
    const posted = await post();
    expect(posted).toMatchObject({
      status: 'posted',
      mine: true,
      address: ADDRESS,
      contact: phone,
      regionName: '解放碑街道',
    });
    expect(posted.contactMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // Stored encrypted: neither the address nor the phone is in the row in clear.
    const row = await t.tdb.db.selectFrom('needs').selectAll().where('id', '=', posted.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(JSON.stringify(row)).not.toContain('民族路');

    const accepted = await ok(siteManager, `/api/v1/needs/${posted.id}/review`, { decision: 'accept' });
    expect(accepted.status).toBe('accepted');
    // The team does not see it before it is dispatched to it.
    expect((await member.get(`/api/v1/needs/${posted.id}`)).statusCode).toBe(404);
    const dispatched = await ok(regionAdmin, `/api/v1/needs/${posted.id}/dispatch`, { organisationId: tree.subTeamId });
    expect(dispatched).toMatchObject({
      status: 'dispatched',
      organisationId: tree.subTeamId,
      organisationName: '解放碑小队',
    });

    const offered = (await member.get(`/api/v1/needs/${posted.id}`)).json() as Need;
    expect(offered).toMatchObject({
      status: 'dispatched',
      address: null,
      contact: null,
      position: null,
      text: posted.text,
    });
    expect((await member.get('/api/v1/needs?view=team')).json()).toMatchObject({ items: [{ id: posted.id }] });
    expect((await otherMember.post(`/api/v1/needs/${posted.id}/take`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/needs/${posted.id}/take`)).statusCode).toBe(404);

    const taken = await ok(member, `/api/v1/needs/${posted.id}/take`);
    expect(taken).toMatchObject({ status: 'taken', takenByMe: true, address: ADDRESS, contact: phone });
    expect((await resident.post(`/api/v1/needs/${posted.id}/rate`, { score: 5 })).statusCode).toBe(409);
    const done = await ok(member, `/api/v1/needs/${posted.id}/complete`, { report: '买菜两次，读报一小时' });
    expect(done.status).toBe('completed');
    const rated = await ok(resident, `/api/v1/needs/${posted.id}/rate`, { score: 5, comment: '很耐心' });
    expect(rated).toMatchObject({
      status: 'rated',
      rating: { score: 5, comment: '很耐心' },
      report: '买菜两次，读报一小时',
    });
    expect(rated.timeline.map((e) => e.kind)).toEqual([
      'posted',
      'reviewed',
      'dispatched',
      'taken',
      'completed',
      'rated',
    ]);
    expect(rated.timeline.every((e, i, all) => i === 0 || e.at >= (all[i - 1]?.at ?? ''))).toBe(true);
    expect(rated.timeline[1]?.details).toEqual({ decision: 'accept' });
    // Twice is refused.
    expect((await resident.post(`/api/v1/needs/${posted.id}/rate`, { score: 1 })).statusCode).toBe(409);
  });

  it('rejects with a reason the resident sees, and refuses a rejection without one', async () => {
    const n = await post();
    const bare = await regionAdmin.post(`/api/v1/needs/${n.id}/review`, { decision: 'reject' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({
      error: { code: 'RULE_VIOLATION', details: { reason: 'need_reason_required' } },
    });
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, {
      decision: 'reject',
      reason: '不属于志愿服务范围，请拨打 12345',
    });
    const seen = (await resident.get(`/api/v1/needs/${n.id}`)).json() as Need;
    expect(seen).toMatchObject({ status: 'rejected', reason: '不属于志愿服务范围，请拨打 12345' });
    expect(
      (await regionAdmin.post(`/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId })).statusCode,
    ).toBe(409);
  });

  it('re-dispatches a taken need to another team (the taker is released), and cancels', async () => {
    const n = await post();
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    await ok(regionAdmin, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.subTeamId });
    await ok(member, `/api/v1/needs/${n.id}/take`);
    const again = await ok(siteManager, `/api/v1/needs/${n.id}/dispatch`, { organisationId: tree.teamId });
    expect(again).toMatchObject({ status: 'dispatched', organisationId: tree.teamId, taken: false });
    // The first taker no longer sees it.
    expect((await member.get(`/api/v1/needs/${n.id}`)).statusCode).toBe(404);
    const cancelled = await ok(resident, `/api/v1/needs/${n.id}/cancel`, { reason: '家人已经安排' });
    expect(cancelled.timeline.map((e) => e.kind)).toEqual([
      'posted',
      'reviewed',
      'dispatched',
      'taken',
      'dispatched',
      'cancelled',
    ]);
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: '家人已经安排' });
    expect((await resident.post(`/api/v1/needs/${n.id}/cancel`, {})).statusCode).toBe(409);
  });

  it('keeps needs to those with a part in them', async () => {
    const n = await post();
    expect((await otherResident.get(`/api/v1/needs/${n.id}`)).statusCode).toBe(404);
    expect((await otherRegionAdmin.get(`/api/v1/needs/${n.id}`)).statusCode).toBe(404);
    expect((await otherRegionAdmin.post(`/api/v1/needs/${n.id}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await resident.post(`/api/v1/needs/${n.id}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await otherResident.get('/api/v1/needs')).json()).toMatchObject({ items: [] });
    const board = (await siteManager.get('/api/v1/needs?view=board&status=posted')).json() as { items: Need[] };
    expect(board.items.map((i) => i.id)).toContain(n.id);
    expect((await otherRegionAdmin.get('/api/v1/needs?view=board')).json()).toMatchObject({ items: [] });
    expect((await otherRegionAdmin.get(`/api/v1/needs?view=board&regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
    expect((await outsider.get('/api/v1/needs?view=board')).statusCode).toBe(403);
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const before = await t.tdb.db
      .selectFrom('needs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ type: 'massage' }, 422, 'unknown_need_type'],
      [{ regionCode: '999999' }, 422, 'no_such_region'],
      [{ type: 'medical_escort' }, 422, 'need_risk_required'],
      [{ wantedAt: isoIn(-86_400_000) }, 422, 'need_wanted_past'],
      [{ lng: undefined }, 400, ''],
      [{ contactPhone: '12345' }, 400, ''],
      [{ text: '' }, 400, ''],
      [{ secret: 1 }, 400, ''],
    ];
    for (const [over, status, reason] of cases) {
      const res = await resident.post('/api/v1/needs', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      if (reason) expect(res.json()).toMatchObject({ error: { details: { reason } } });
      expect(res.body).not.toContain(phone);
    }
    expect(await post(resident, { type: 'medical_escort', riskAccepted: true })).toMatchObject({ riskAccepted: true });
    const after = await t.tdb.db
      .selectFrom('needs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    const n = await post();
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    for (const bad of [{}, { organisationId: tree.teamId, activityId: 'x' }]) {
      expect((await regionAdmin.post(`/api/v1/needs/${n.id}/dispatch`, bad)).json()).toMatchObject({
        error: { details: { reason: 'need_dispatch_target' } },
      });
    }
    expect((await regionAdmin.post(`/api/v1/needs/${n.id}/dispatch`, { organisationId: 'nope' })).statusCode).toBe(422);
    expect((await resident.post(`/api/v1/needs/${n.id}/rate`, { score: 6 })).statusCode).toBe(400);
    expect(t.logs.text()).not.toContain(phone);
    expect(t.logs.text()).not.toContain('民族路');
  });

  it('turns a need into an activity with one shift and dispatches it with it', async () => {
    const n = await post();
    const shift = { start: isoIn(26 * 3_600_000), end: isoIn(28 * 3_600_000), capacity: 2 };
    const body = {
      organisationId: tree.subTeamId,
      title: '陪同买菜',
      field: 'ecology',
      location: { address: '解放碑广场集合', lat: 29.5576, lng: 106.5774 },
      radiusM: 300,
      shift,
    };
    // Not before it is accepted; not by the resident or a team member.
    expect((await regionAdmin.post(`/api/v1/needs/${n.id}/activity`, body)).statusCode).toBe(409);
    await ok(regionAdmin, `/api/v1/needs/${n.id}/review`, { decision: 'accept' });
    expect((await resident.post(`/api/v1/needs/${n.id}/activity`, body)).statusCode).toBe(403);
    expect((await regionAdmin.post(`/api/v1/needs/${n.id}/activity`, { ...body, siteId: 'x' })).statusCode).toBe(400);
    const before = await t.tdb.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const dispatched = await ok(regionAdmin, `/api/v1/needs/${n.id}/activity`, body);
    expect(dispatched).toMatchObject({ status: 'dispatched', organisationId: tree.subTeamId });
    expect(dispatched.activityId).not.toBeNull();
    const activity = (await regionAdmin.get(`/api/v1/activities/${dispatched.activityId}`)).json() as {
      title: string;
      shifts: { capacity: number }[];
    };
    expect(activity).toMatchObject({ title: '陪同买菜', shifts: [{ capacity: 2 }] });
    const after = await t.tdb.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    const offered = (await member.get('/api/v1/needs?view=team')).json() as { items: Need[] };
    expect(offered.items.map((x) => x.id)).toContain(n.id);
    expect(dispatched.timeline.at(-1)).toMatchObject({
      kind: 'dispatched',
      details: { activityId: dispatched.activityId },
    });
  });
});
