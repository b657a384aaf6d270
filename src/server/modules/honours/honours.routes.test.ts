import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeAdmin, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { expectLedgerReconciles } from '../../../../test/points-fixtures.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { nowIso } from '../../ids.js';
import { balanceOf, earnForHonour, walletOf } from '../points/index.js';

describe.each(DIALECTS)('honours on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let system: BearerClient;
  let yuzhongAdmin: BearerClient;
  let shapingbaAdmin: BearerClient;
  let projectId: string;
  const honoursCount = async () =>
    Number(
      (
        await t.tdb.db
          .selectFrom('honours')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const admin = async (role: 'region_admin' | 'system_admin', scopeId: string) =>
    clientFor(t.app, (await makeAdmin(t.tdb.db, role, scopeId)).id);
  const honour = (subjectKind: string, subjectId: string, over: Record<string, unknown> = {}) => ({
    subjectKind,
    subjectId,
    name: '全国志愿服务优秀项目',
    level: 'national',
    year: 2024,
    issuer: '中央文明办',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    system = await admin('system_admin', 'system');
    yuzhongAdmin = await admin('region_admin', REGIONS.yuzhong);
    shapingbaAdmin = await admin('region_admin', REGIONS.shapingba);
    const project = await tree.departmentAdmin.client.post('/api/v1/projects', {
      name: '共护母亲河',
      departmentId: tree.departmentId,
      field: 'ecology',
      honours: [{ title: '重庆市优秀志愿服务项目', year: 2023, awardedBy: '重庆市文明办' }],
    });
    expect(project.statusCode).toBe(201);
    projectId = project.json().id;
    // A rule for the whole city: honours earn by level; service earns nothing here.
    const rule = await system.post('/api/v1/point-rules', {
      scopeType: 'region',
      scopeId: REGIONS.city,
      pointsPerHour: 0,
      bonuses: { honour: { national: 500, city: 200 } },
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json().bonuses.honour).toEqual({ national: 500, city: 200 });
  });
  afterAll(() => t.close());

  it("records a project's and an organisation's honours for their admins, lists them publicly, and keeps the projects API's honours", async () => {
    const res = await tree.departmentAdmin.client.post('/api/v1/honours', honour('project', projectId));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      subjectKind: 'project',
      subjectId: projectId,
      name: '全国志愿服务优秀项目',
      level: 'national',
      year: 2024,
      issuer: '中央文明办',
      points: 0,
      canDelete: true,
    });
    const org = await yuzhongAdmin.post('/api/v1/honours', honour('organisation', tree.teamId, { level: 'district' }));
    expect(org.statusCode).toBe(201);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/honours?subjectKind=project&subjectId=${projectId}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((h: { name: string; level: string | null }) => [h.name, h.level])).toEqual([
      ['全国志愿服务优秀项目', 'national'],
      ['重庆市优秀志愿服务项目', null],
    ]);
    expect(list.json().items.every((h: { canDelete: boolean }) => !h.canDelete)).toBe(true);
    expect(list.json().canRecord).toBe(false);
    // The project's department admin may record its honours (the web app offers them the dialog);
    // a region admin of another district may not.
    const listUrl = `/api/v1/honours?subjectKind=project&subjectId=${projectId}`;
    expect((await tree.departmentAdmin.client.get(listUrl)).json()).toMatchObject({ canRecord: true });
    const shapingba = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.shapingba)).id);
    expect((await shapingba.get(listUrl)).json()).toMatchObject({ canRecord: false });
    const national = await t.app.inject({
      method: 'GET',
      url: `/api/v1/honours?subjectKind=project&subjectId=${projectId}&level=national&year=2024`,
    });
    expect(national.json().items).toHaveLength(1);
    const orgList = await t.app.inject({
      method: 'GET',
      url: `/api/v1/honours?subjectKind=organisation&subjectId=${tree.teamId}`,
    });
    expect(orgList.json().items.map((h: { level: string }) => h.level)).toEqual(['district']);

    // The projects API answers from the same table, in its own shape and in the order recorded.
    const p = (await t.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}` })).json();
    expect(p.honours).toEqual([
      { title: '重庆市优秀志愿服务项目', year: 2023, awardedBy: '重庆市文明办' },
      { title: '全国志愿服务优秀项目', year: 2024, awardedBy: '中央文明办' },
    ]);
  });

  it('refuses callers out of role with 403 and out of scope as the access model says', async () => {
    const before = await honoursCount();
    const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    const vc = await clientFor(t.app, v.userId);
    const body = honour('project', projectId);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/honours', payload: body })).statusCode).toBe(401);
    expect((await vc.post('/api/v1/honours', body)).statusCode).toBe(403);
    expect((await tree.teamAdmin.client.post('/api/v1/honours', body)).statusCode).toBe(403);
    // A district admin does not administer the city department leading the project, nor another district's team.
    expect((await shapingbaAdmin.post('/api/v1/honours', body)).statusCode).toBe(403);
    expect((await shapingbaAdmin.post('/api/v1/honours', honour('organisation', tree.teamId))).statusCode).toBe(403);
    // A volunteer's honours: region and system admins only; another district's volunteer is not seen.
    expect((await tree.departmentAdmin.client.post('/api/v1/honours', honour('volunteer', v.id))).statusCode).toBe(403);
    expect((await shapingbaAdmin.post('/api/v1/honours', honour('volunteer', v.id))).statusCode).toBe(404);
    expect(await honoursCount()).toBe(before);
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    const before = await honoursCount();
    const nextYear = Number(nowIso().slice(0, 4)) + 2;
    const cases: [Record<string, unknown>, number, string][] = [
      [honour('project', projectId, { level: 'provincial' }), 400, 'level'],
      [honour('project', projectId, { year: 1800 }), 400, 'year'],
      [honour('project', projectId, { year: nextYear }), 422, 'year'],
      [honour('project', projectId, { name: '' }), 400, 'name'],
      [honour('planet', projectId), 400, 'subjectKind'],
      [honour('project', projectId, { certificateImage: 'x.png' }), 400, 'certificateImage'],
      [honour('project', 'no-such-project'), 404, 'Project'],
      [honour('organisation', 'no-such-organisation'), 404, 'Organisation'],
      [honour('volunteer', 'no-such-volunteer'), 404, 'Volunteer'],
    ];
    for (const [b, status, word] of cases) {
      const res = await system.post('/api/v1/honours', b);
      expect(res.statusCode, word).toBe(status);
      expect(res.json().error.message, word).toContain(word);
    }
    const future = await system.post('/api/v1/honours', honour('project', projectId, { year: nextYear }));
    expect(future.json().error.details).toMatchObject({ reason: 'honour_year_in_future' });
    const badList = await t.app.inject({ method: 'GET', url: '/api/v1/honours?subjectKind=project' });
    expect(badList.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/honours?subjectKind=project&subjectId=nope' })).statusCode,
    ).toBe(404);
    expect(await honoursCount()).toBe(before);
  });

  it("earns a volunteer's honour points exactly once, shows them only to the person and admins with a duty, and reverses them on delete", async () => {
    const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    const vc = await clientFor(t.app, v.userId);
    const stranger = await clientFor(t.app, (await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei })).userId);
    const wallet = () => balanceOf(t.tdb.db, walletOf(v.id));

    const res = await yuzhongAdmin.post(
      '/api/v1/honours',
      honour('volunteer', v.id, { name: '重庆市优秀志愿者', level: 'city', issuer: '重庆市文明办' }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect(res.json()).toMatchObject({ points: 200, canDelete: true });
    expect(await wallet()).toBe(200);
    // A level the rule gives nothing for earns nothing.
    const street = await yuzhongAdmin.post('/api/v1/honours', honour('volunteer', v.id, { level: 'street' }));
    expect(street.json().points).toBe(0);
    expect(await wallet()).toBe(200);

    // Never twice: earning again for the same honour pays nothing.
    const again = await t.tdb.db.transaction().execute((trx) =>
      earnForHonour(trx, {
        honourId: id,
        volunteerId: v.id,
        regionCode: REGIONS.jiefangbei,
        level: 'city',
        name: '重庆市优秀志愿者',
        actorUserId: v.userId,
      }),
    );
    expect(again).toBe(0);
    expect(await wallet()).toBe(200);
    const statement = await vc.get(`/api/v1/volunteers/${v.id}/points`);
    expect(statement.json().balance).toBe(200);
    // The volunteer is told once, for the honour that earned points only.
    const inbox = (await vc.get('/api/v1/me/notifications')).json() as {
      items: { kind: string; title: string; body: string; data: Record<string, unknown> }[];
    };
    expect(inbox.items.filter((n) => n.kind === 'honour_points')).toEqual([
      expect.objectContaining({
        title: '荣誉积分：获得 200 积分',
        body: '您的荣誉「重庆市优秀志愿者」（市级）获得 200 积分，当前余额 200 积分。',
        data: expect.objectContaining({ honourId: id }),
      }),
    ]);

    const url = `/api/v1/honours?subjectKind=volunteer&subjectId=${v.id}`;
    const own = await vc.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((h: { name: string; points: number }) => [h.name, h.points])).toEqual([
      ['重庆市优秀志愿者', 200],
      ['全国志愿服务优秀项目', 0],
    ]);
    expect(own.json().items.every((h: { canDelete: boolean }) => !h.canDelete)).toBe(true);
    expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await shapingbaAdmin.get(url)).statusCode).toBe(404);
    // A team admin whose team the person does not serve in sees nothing either.
    expect((await tree.teamAdmin.client.get(url)).statusCode).toBe(404);
    const seen = await yuzhongAdmin.get(url);
    expect(seen.statusCode).toBe(200);
    const reads = await t.tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', v.id)
      .where('action', '=', 'volunteer.honours_read')
      .execute();
    expect(reads).toHaveLength(1);

    // Delete: out of role 403, out of scope 404, then the recorder's scope; points come back once.
    expect((await vc.request('DELETE', `/api/v1/honours/${id}`)).statusCode).toBe(403);
    expect((await shapingbaAdmin.request('DELETE', `/api/v1/honours/${id}`)).statusCode).toBe(404);
    expect((await yuzhongAdmin.request('DELETE', `/api/v1/honours/${id}`)).statusCode).toBe(204);
    expect(await wallet()).toBe(0);
    expect((await yuzhongAdmin.request('DELETE', `/api/v1/honours/${id}`)).statusCode).toBe(404);
    expect(await wallet()).toBe(0);
    expect((await vc.get(url)).json().items.map((h: { name: string }) => h.name)).toEqual(['全国志愿服务优秀项目']);
    await expectLedgerReconciles(t);
  });

  it('counts honours by level and by what won them in a region subtree', async () => {
    const city = (await t.app.inject({ method: 'GET', url: '/api/v1/honours/summary' })).json();
    const yuzhong = (
      await t.app.inject({ method: 'GET', url: `/api/v1/honours/summary?regionCode=${REGIONS.yuzhong}` })
    ).json();
    const shapingba = (
      await t.app.inject({ method: 'GET', url: `/api/v1/honours/summary?regionCode=${REGIONS.shapingba}` })
    ).json();
    const count = (s: { byLevel: { level: string | null; count: number }[] }, level: string | null) =>
      s.byLevel.find((l) => l.level === level)?.count ?? 0;
    const kind = (s: { bySubjectKind: { subjectKind: string; count: number }[] }, k: string) =>
      s.bySubjectKind.find((l) => l.subjectKind === k)?.count ?? 0;
    expect(city.total).toBe(await honoursCount());
    expect(kind(city, 'project')).toBe(2);
    expect(count(city, null)).toBe(1);
    // 渝中区 holds the team's district honour and its volunteers' honours, never the city department's projects.
    expect(kind(yuzhong, 'project')).toBe(0);
    expect(kind(yuzhong, 'organisation')).toBe(1);
    expect(count(yuzhong, 'district')).toBe(1);
    expect(kind(yuzhong, 'volunteer')).toBeGreaterThan(0);
    expect(shapingba.total).toBe(0);
  });
});
