import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeRegions, makeUser, makeVolunteer, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { seedServiceFields } from '../bootstrap/bootstrap.service.js';

describe.each(DIALECTS)('organisations on %s', (dialect) => {
  let t: TestApp;
  let sys: Client;
  let yuzhongAdmin: Client;
  let shapingbaAdmin: Client;
  let volunteerish: Client;
  let deptId: string;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.tdb.db;
    await makeRegions(db);
    await seedServiceFields(db);
    const a = await makeUser(db, { roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }] });
    const b = await makeUser(db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] });
    const c = await makeUser(db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba }],
    });
    const d = await makeUser(db, { roles: [{ role: 'volunteer', scopeType: 'system', scopeId: 'system' }] });
    sys = await new Client(t.app).login(a.username, PASSWORD);
    yuzhongAdmin = await new Client(t.app).login(b.username, PASSWORD);
    shapingbaAdmin = await new Client(t.app).login(c.username, PASSWORD);
    volunteerish = await new Client(t.app).login(d.username, PASSWORD);
    const dept = await sys.post('/api/v1/organisations', {
      name: '市生态环境局',
      kind: 'department',
      level: 'city',
      regionCode: REGIONS.city,
      fields: ['ecology'],
    });
    expect(dept.statusCode).toBe(201);
    deptId = dept.json().id;
  });
  afterAll(() => t.close());

  const team = (parentId: string | undefined, regionCode: string = REGIONS.yuzhong) => ({
    name: '渝中区生态环境志愿服务队',
    kind: 'team',
    level: 'district',
    regionCode,
    parentId,
    fields: ['ecology'],
  });

  it('follows the access checklist for creation', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', payload: team(deptId) });
    expect(anon.statusCode).toBe(401);
    expect((await volunteerish.post('/api/v1/organisations', team(deptId))).statusCode).toBe(403);
    // a region admin of 沙坪坝 cannot create in 渝中
    const other = await shapingbaAdmin.post('/api/v1/organisations', team(undefined));
    expect(other.statusCode).toBe(403);
    const ok = await yuzhongAdmin.post('/api/v1/organisations', team(deptId));
    expect(ok.statusCode).toBe(201);
    const body = ok.json();
    teamId = body.id;
    expect(body).toMatchObject({
      parentId: deptId,
      departmentId: deptId,
      regionCode: REGIONS.yuzhong,
      path: [deptId, teamId],
    });
  });

  it('builds trees of any depth and lists whole subtrees', async () => {
    let parent = teamId;
    const ids: string[] = [];
    for (let depth = 0; depth < 5; depth++) {
      const res = await yuzhongAdmin.post('/api/v1/organisations', {
        ...team(parent, REGIONS.jiefangbei),
        name: `小队${depth}`,
        level: 'community',
      });
      expect(res.statusCode).toBe(201);
      parent = res.json().id;
      ids.push(parent);
    }
    const leaf = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${parent}` })).json();
    expect(leaf.path).toEqual([deptId, teamId, ...ids]);
    expect(leaf.departmentId).toBe(deptId);
    const under = (
      await t.app.inject({ method: 'GET', url: `/api/v1/organisations?under=${teamId}&limit=200` })
    ).json();
    expect(under.items.map((o: { id: string }) => o.id).sort()).toEqual([teamId, ...ids].sort());
    const children = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations?parentId=${teamId}` })).json();
    expect(children.items).toHaveLength(1);
    const inShapingba = (
      await t.app.inject({ method: 'GET', url: `/api/v1/organisations?regionCode=${REGIONS.shapingba}` })
    ).json();
    expect(inShapingba.items).toHaveLength(0);
    const inCity = (
      await t.app.inject({ method: 'GET', url: `/api/v1/organisations?regionCode=${REGIONS.city}&limit=2` })
    ).json();
    expect(inCity.items).toHaveLength(2);
    expect(inCity.nextCursor).toEqual(expect.any(String));
    const next = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/organisations?regionCode=${REGIONS.city}&limit=200&cursor=${inCity.nextCursor}`,
      })
    ).json();
    expect(next.items).toHaveLength(5);
  });

  it('lets admins of a parent create below it, wherever they are', async () => {
    const teamAdmin = await makeUser(t.tdb.db, {
      roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: teamId }],
    });
    const c = await new Client(t.app).login(teamAdmin.username, PASSWORD);
    expect((await c.post('/api/v1/organisations', { ...team(teamId), name: '分队' })).statusCode).toBe(201);
    expect((await c.post('/api/v1/organisations', { ...team(deptId), name: '越权' })).statusCode).toBe(403);
  });

  it('refuses rule breaks with 422 naming the field, and writes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=200' })).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...team(deptId), regionCode: '999999' }, 'regionCode'],
      [{ ...team('nope') }, 'parentId'],
      [{ ...team(teamId, REGIONS.shapingba) }, 'regionCode'],
      [{ ...team(undefined), departmentId: teamId }, 'departmentId'],
      [{ ...team(deptId), fields: ['astrology'] }, 'fields'],
    ];
    for (const [body, field] of cases) {
      const res = await sys.post('/api/v1/organisations', body);
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error.message).toContain(field);
    }
    const bad = await sys.post('/api/v1/organisations', { ...team(deptId), kind: 'club' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('kind');
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=200' })).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 404 for an unknown organisation and a bad cursor with 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations/nope' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations?cursor=!!' })).statusCode).toBe(400);
  });

  it('audits creation', async () => {
    const rows = await t.tdb.db.selectFrom('audit_log').selectAll().where('entity_id', '=', teamId).execute();
    expect(rows.map((r) => r.action)).toContain('organisation.create');
  });

  it('adds a member by volunteer code or by id, exactly one of the two', async () => {
    const made = await sys.post('/api/v1/organisations', { ...team(deptId), name: '成员测试队' });
    expect(made.statusCode).toBe(201);
    const orgId = made.json().id as string;
    const url = `/api/v1/organisations/${orgId}/members`;
    const a = await makeVolunteer(t.app);
    const b = await makeVolunteer(t.app);

    const byCode = await sys.post(url, { volunteerCode: a.volunteerCode, role: 'leader' });
    expect(byCode.statusCode).toBe(201);
    expect(byCode.json()).toMatchObject({ organisationId: orgId, volunteerId: a.id, role: 'leader' });
    const byId = await sys.post(url, { volunteerId: b.id });
    expect(byId.statusCode).toBe(201);
    expect(byId.json().role).toBe('member');

    const again = await sys.post(url, { volunteerCode: a.volunteerCode });
    expect(again.statusCode).toBe(409);

    const both = await sys.post(url, { volunteerId: b.id, volunteerCode: a.volunteerCode });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.field).toBe('body.volunteerCode');
    const neither = await sys.post(url, { role: 'member' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details.field).toBe('body.volunteerId');

    const unknown = await sys.post(url, { volunteerCode: 'NO-SUCH-CODE' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.field).toBe('volunteerCode');
    expect(unknown.json().error.message).toContain('volunteerCode');

    expect((await volunteerish.post(url, { volunteerCode: a.volunteerCode })).statusCode).toBe(403);

    const list = await sys.get(`${url}?limit=10`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { volunteerCode: string; role: string }[];
    expect(items.map((m) => [m.volunteerCode, m.role]).sort()).toEqual(
      [
        [a.volunteerCode, 'leader'],
        [b.volunteerCode, 'member'],
      ].sort(),
    );
  });
});
