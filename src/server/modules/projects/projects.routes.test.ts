import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeUser, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

describe.each(DIALECTS)('brand projects on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  const body = (over: Record<string, unknown> = {}) => ({
    name: '艺起乡约',
    departmentId: tree.departmentId,
    field: 'culture',
    goals: '文艺进乡村',
    honours: [{ title: '全国志愿服务优秀项目', year: 2024 }],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => t.close());

  it('follows the access checklist: department admins of the leading department, region and system admins', async () => {
    const v = await makeVolunteer(t.app);
    const vc = await clientFor(t.app, v.userId);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/projects', payload: body() })).statusCode).toBe(401);
    expect((await vc.post('/api/v1/projects', body())).statusCode).toBe(403);
    // a team admin under the department does not run its brands
    expect((await tree.teamAdmin.client.post('/api/v1/projects', body())).statusCode).toBe(403);
    const districtAdmin = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    expect((await (await clientFor(t.app, districtAdmin.id)).post('/api/v1/projects', body())).statusCode).toBe(403);
    const cityAdmin = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }],
    });
    expect(
      (await (await clientFor(t.app, cityAdmin.id)).post('/api/v1/projects', body({ name: '紫藤花' }))).statusCode,
    ).toBe(201);

    const res = await tree.departmentAdmin.client.post('/api/v1/projects', body());
    expect(res.statusCode).toBe(201);
    const parent = res.json();
    expect(parent).toMatchObject({ name: '艺起乡约', departmentName: '市生态环境局', parentId: null, children: [] });
    expect(parent.honours).toEqual([{ title: '全国志愿服务优秀项目', year: 2024 }]);

    for (const name of ['艺起乡约·川剧', '艺起乡约·书法']) {
      const child = await tree.departmentAdmin.client.post(
        '/api/v1/projects',
        body({ name, parentId: parent.id, honours: [] }),
      );
      expect(child.statusCode).toBe(201);
    }
    const got = (await t.app.inject({ method: 'GET', url: `/api/v1/projects/${parent.id}` })).json();
    expect(got.children.map((c: { name: string }) => c.name)).toEqual(['艺起乡约·川剧', '艺起乡约·书法']);
    const honour = await tree.departmentAdmin.client.post(`/api/v1/projects/${parent.id}/honours`, {
      title: '重庆市最佳志愿服务项目',
      awardedBy: '重庆市文明办',
    });
    expect(honour.statusCode).toBe(201);
    expect(honour.json().honours).toHaveLength(2);
    expect((await tree.teamAdmin.client.post(`/api/v1/projects/${parent.id}/honours`, { title: 'x' })).statusCode).toBe(
      403,
    );
    const honourUrl = `/api/v1/projects/${parent.id}/honours`;
    expect((await t.app.inject({ method: 'POST', url: honourUrl, payload: { title: 'x' } })).statusCode).toBe(401);
    expect((await tree.departmentAdmin.client.post('/api/v1/projects/nope/honours', { title: 'x' })).statusCode).toBe(
      404,
    );

    const roots = (
      await t.app.inject({ method: 'GET', url: `/api/v1/projects?parentId=root&departmentId=${tree.departmentId}` })
    ).json();
    expect(roots.items.map((p: { name: string }) => p.name).sort()).toEqual(['紫藤花', '艺起乡约'].sort());
    const page = (await t.app.inject({ method: 'GET', url: '/api/v1/projects?limit=3' })).json();
    expect(page.items).toHaveLength(3);
    const rest = (
      await t.app.inject({ method: 'GET', url: `/api/v1/projects?limit=3&cursor=${page.nextCursor}` })
    ).json();
    expect(rest.items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects/nope' })).statusCode).toBe(404);

    // activities can belong to a project, and are found by it
    await makeActivity(t.app, { orgId: tree.teamId, projectId: parent.id, title: '川剧进社区' });
    const acts = (await t.app.inject({ method: 'GET', url: `/api/v1/activities?projectId=${parent.id}` })).json();
    expect(acts.items.map((a: { title: string }) => a.title)).toEqual(['川剧进社区']);
  });

  it('refuses a non-department, an unknown field or parent with 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body({ departmentId: tree.teamId }), 'departmentId'],
      [body({ field: 'astrology' }), 'field'],
      [body({ parentId: 'nope' }), 'parentId'],
    ];
    for (const [b, field] of cases) {
      const res = await tree.departmentAdmin.client.post('/api/v1/projects', b);
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error.message).toContain(field);
    }
    expect((await tree.departmentAdmin.client.post('/api/v1/projects', body({ name: '' }))).statusCode).toBe(400);
  });
});
