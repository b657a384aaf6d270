import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  JIEFANGBEI,
  makeOrganisationTree,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { insertSite } from '../sites/sites.repository.js';

describe.each(DIALECTS)('activities on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let organiser: BearerClient;
  let volunteer: BearerClient;

  const body = (over: Record<string, unknown> = {}) => ({
    organisationId: tree.teamId,
    title: '长江岸线清洁行动',
    field: 'ecology',
    description: '清理岸线垃圾',
    location: { address: '渝中区朝天门', ...JIEFANGBEI },
    radiusM: 200,
    requiresApproval: false,
    shifts: [{ start: shiftAt(24).start, end: shiftAt(24).end, capacity: 20 }],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    organiser = tree.teamAdmin.client;
    const v = await makeVolunteer(t.app);
    volunteer = await clientFor(t.app, v.userId);
  });
  afterAll(() => t.close());

  const anon = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });

  it('follows the access checklist for creation and keeps drafts to organisers', async () => {
    expect((await anon('POST', '/api/v1/activities', body())).statusCode).toBe(401);
    expect((await volunteer.post('/api/v1/activities', body())).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post('/api/v1/activities', body())).statusCode).toBe(403);
    const res = await organiser.post('/api/v1/activities', body());
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'draft', organisationId: tree.teamId, regionCode: '500103', radiusM: 200 });
    expect(a.shifts).toHaveLength(1);
    expect(a.shifts[0]).toMatchObject({ capacity: 20, taken: 0, waitlisted: 0 });
    // a draft is the organisers' business: others get 404
    expect((await anon('GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await tree.otherTeamAdmin.client.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await organiser.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    // the department above the team organises too
    expect((await tree.departmentAdmin.client.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(200);

    expect((await anon('POST', `/api/v1/activities/${a.id}/publish`)).statusCode).toBe(401);
    expect((await volunteer.post(`/api/v1/activities/${a.id}/publish`)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.post(`/api/v1/activities/${a.id}/publish`)).statusCode).toBe(404);
    const pub = await organiser.post(`/api/v1/activities/${a.id}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().status).toBe('published');
    expect((await anon('GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    expect((await organiser.post(`/api/v1/activities/${a.id}/publish`)).statusCode).toBe(409);
    // once public, an outsider admin is refused rather than told it does not exist
    expect((await tree.otherTeamAdmin.client.post(`/api/v1/activities/${a.id}/publish`)).statusCode).toBe(403);
  });

  it('validates shifts, radius, field, site and project, naming the field and writing nothing', async () => {
    const before = await t.tdb.db.selectFrom('activities').select('id').execute();
    const s = shiftAt(24);
    const cases: [Record<string, unknown>, number, string][] = [
      [body({ shifts: [{ start: s.end, end: s.start, capacity: 5 }] }), 400, 'end'],
      [body({ shifts: [{ ...s, capacity: 0 }] }), 400, 'capacity'],
      [body({ shifts: [{ ...s, capacity: 10_001 }] }), 400, 'capacity'],
      [body({ radiusM: 5 }), 400, 'radiusM'],
      [body({ radiusM: 5001 }), 400, 'radiusM'],
      [body({ shifts: [] }), 400, 'shifts'],
      [body({ secret: true }), 400, 'secret'],
      [body({ shifts: [{ ...s, capacity: 5, minAge: 18, maxAge: 16 }] }), 400, 'maxAge'],
      [body({ field: 'astrology' }), 422, 'field'],
      [body({ location: undefined, siteId: 'nope' }), 422, 'siteId'],
      [body({ projectId: 'nope' }), 422, 'projectId'],
      [body({ organisationId: 'nope' }), 422, 'organisationId'],
      [body({ shifts: [{ ...s, capacity: 5, requiredQualifications: ['wizardry'] }] }), 422, 'requiredQualifications'],
      [body({ recurrence: { freq: 'weekly', count: 53 } }), 400, 'count'],
    ];
    for (const [b, status, field] of cases) {
      const res = await organiser.post('/api/v1/activities', b);
      expect(res.statusCode, field).toBe(status);
      expect(res.json().error.message, field).toContain(field);
    }
    const after = await t.tdb.db.selectFrom('activities').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('takes place and region from a site', async () => {
    const siteId = await insertSite(t.tdb.db, {
      name: '解放碑新时代文明实践站',
      type: 'practice_point',
      regionCode: '500103003',
      address: '渝中区解放碑步行街 1 号',
      lat: 29.5576,
      lng: 106.5774,
      organisationId: null,
    });
    const res = await organiser.post('/api/v1/activities', body({ location: undefined, siteId }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      siteId,
      regionCode: '500103003',
      address: '渝中区解放碑步行街 1 号',
      lat: 29.5576,
    });
  });

  it('expands weekly recurrence into copies a week apart', async () => {
    const s = shiftAt(48, 3);
    const res = await organiser.post(
      '/api/v1/activities',
      body({ shifts: [{ ...s, capacity: 8, signupDeadline: s.start }], recurrence: { freq: 'weekly', count: 4 } }),
    );
    expect(res.statusCode).toBe(201);
    const shifts = res.json().shifts as { start: string; end: string; signupDeadline: string; capacity: number }[];
    expect(shifts).toHaveLength(4);
    for (const [i, sh] of shifts.entries()) {
      expect(Date.parse(sh.start) - Date.parse(s.start as string)).toBe(i * 7 * 86_400_000);
      expect(Date.parse(sh.end) - Date.parse(sh.start)).toBe(3 * 3_600_000);
      expect(sh.signupDeadline).toBe(sh.start);
      expect(sh.capacity).toBe(8);
    }
    const until = new Date(Date.parse(s.start as string) + 15 * 86_400_000).toISOString();
    const byUntil = await organiser.post(
      '/api/v1/activities',
      body({ shifts: [{ ...s, capacity: 8 }], recurrence: { freq: 'weekly', until } }),
    );
    expect(byUntil.statusCode).toBe(201);
    expect(byUntil.json().shifts).toHaveLength(3);
  });

  it('lists an organisation’s activities, drafts included, for its admins only', async () => {
    const url = `/api/v1/organisations/${tree.teamId}/activities?limit=2`;
    expect((await anon('GET', url)).statusCode).toBe(401);
    expect((await volunteer.get(url)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.get(url)).statusCode).toBe(403);
    const first = (await organiser.get(url)).json();
    expect(first.items).toHaveLength(2);
    const rest = (await organiser.get(`${url}&cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...rest.items];
    expect(all.some((a: { status: string }) => a.status === 'draft')).toBe(true);
    expect(new Set(all.map((a: { id: string }) => a.id)).size).toBe(all.length);
  });
});
