import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId, nowIso } from '../../ids.js';
import { insertProject } from '../projects/projects.repository.js';
import { insertSite } from '../sites/sites.repository.js';
import { testNow } from '../../../../test/clock.js';

describe.each(DIALECTS)('editing an activity on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let admin: BearerClient;
  let volunteer: BearerClient;
  let volunteerId: string;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    admin = tree.teamAdmin.client;
    const v = await makeVolunteer(t.app);
    volunteerId = v.id;
    volunteer = await clientFor(t.app, v.userId);
    projectId = newId();
    await insertProject(t.tdb.db, {
      id: projectId,
      name: '共护美丽长江',
      department_id: tree.departmentId,
      field: 'ecology',
      parent_id: null,
      description: null,
      goals: null,
      created_at: nowIso(),
    });
  });
  afterAll(() => t.close());

  const url = (id: string) => `/api/v1/activities/${id}`;
  const row = (id: string) =>
    t.tdb.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const audits = async (id: string) =>
    (
      await t.tdb.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .where('action', '=', 'activity.update')
        .execute()
    ).length;

  it('follows the access checklist: 401, 403, 404 for a draft outside scope, 403 once public', async () => {
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft' });
    const change = { title: '岸线清洁 · 第二期' };
    const anon = await t.app.inject({ method: 'PATCH', url: url(draft.id), payload: change });
    expect(anon.statusCode).toBe(401);
    expect((await volunteer.patch(url(draft.id), change)).statusCode).toBe(403);
    expect((await tree.otherTeamAdmin.client.patch(url(draft.id), change)).statusCode).toBe(404);
    expect((await admin.patch(url('no-such-activity'), change)).statusCode).toBe(404);
    expect((await row(draft.id)).title).toBe('长江岸线清洁行动');
    const ok = await admin.patch(url(draft.id), change);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: draft.id, title: '岸线清洁 · 第二期', status: 'draft' });
    // the department above the team organises it too
    expect((await tree.departmentAdmin.client.patch(url(draft.id), { radiusM: 300 })).statusCode).toBe(200);
    expect(await audits(draft.id)).toBe(2);

    const published = await makeActivity(t.app, { orgId: tree.teamId });
    expect((await tree.otherTeamAdmin.client.patch(url(published.id), change)).statusCode).toBe(403);
  });

  it('changes everything of a draft: field, project, approval, risky, radius, site or address', async () => {
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft' });
    const siteId = await insertSite(t.tdb.db, {
      name: '解放碑新时代文明实践站',
      type: 'practice_point',
      regionCode: '500103003',
      address: '渝中区解放碑步行街 1 号',
      lat: 29.5576,
      lng: 106.5774,
      organisationId: null,
    });
    const res = await admin.patch(url(draft.id), {
      description: '带上手套',
      field: 'culture',
      projectId,
      requiresApproval: true,
      risky: true,
      radiusM: 500,
      siteId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      description: '带上手套',
      field: 'culture',
      projectId,
      requiresApproval: true,
      risky: true,
      radiusM: 500,
      siteId,
      address: '渝中区解放碑步行街 1 号',
      regionCode: '500103003',
    });
    const back = await admin.patch(url(draft.id), {
      projectId: null,
      location: { address: '渝中区朝天门', lat: 29.5647, lng: 106.5862 },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ projectId: null, siteId: null, address: '渝中区朝天门', regionCode: '500103' });
  });

  it('refuses bad input with a message naming the field, writing nothing', async () => {
    const draft = await makeActivity(t.app, { orgId: tree.teamId, status: 'draft' });
    const before = await row(draft.id);
    const cases: [unknown, number, string][] = [
      [{}, 400, 'title'],
      [{ title: '' }, 400, 'title'],
      [{ title: 'x'.repeat(500) }, 400, 'title'],
      [{ radiusM: 5 }, 400, 'radiusM'],
      [{ radiusM: 5001 }, 400, 'radiusM'],
      [{ radiusM: '200' }, 400, 'radiusM'],
      [{ risky: 'yes' }, 400, 'risky'],
      [{ secret: 1 }, 400, 'secret'],
      [{ status: 'published' }, 400, 'status'],
      [{ siteId: 's', location: { address: 'a', lat: 1, lng: 1 } }, 400, 'location'],
      [{ location: { address: 'a', lat: 91, lng: 1 } }, 400, 'lat'],
      [{ field: 'astrology' }, 422, 'field'],
      [{ projectId: 'nope' }, 422, 'projectId'],
      [{ siteId: 'nope' }, 422, 'siteId'],
      [{ title: '新的', field: 'astrology' }, 422, 'field'],
    ];
    for (const [b, status, field] of cases) {
      const res = await admin.patch(url(draft.id), b);
      expect(res.statusCode, JSON.stringify(b)).toBe(status);
      expect(res.json().error.message, JSON.stringify(b)).toContain(field);
    }
    for (const junk of [null, [], 'text', 42]) {
      const res = await admin.patch(url(draft.id), junk);
      expect(res.statusCode, String(junk)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, String(junk)).toBeLessThan(500);
    }
    expect(await row(draft.id)).toEqual(before);
    expect(await audits(draft.id)).toBe(0);
  });

  it('lets a published activity change its text and radius only, and a cancelled one nothing', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, projectId, requiresApproval: false });
    await makeSignup(t.app, { shiftId: a.shiftIds[0] as string });
    const ok = await admin.patch(url(a.id), {
      title: '岸线清洁（改期通知见说明）',
      description: '集合点改为 2 号门',
      radiusM: 350,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '岸线清洁（改期通知见说明）', radiusM: 350, status: 'published' });
    const before = await row(a.id);
    const refused: [Record<string, unknown>, string][] = [
      [{ field: 'culture' }, 'field'],
      [{ projectId: null }, 'projectId'],
      [{ requiresApproval: true }, 'requiresApproval'],
      [{ location: { address: '渝中区朝天门', lat: 29.5647, lng: 106.5862 } }, 'location'],
      [{ title: '也改标题', field: 'culture' }, 'field'],
    ];
    for (const [b, field] of refused) {
      const res = await admin.patch(url(a.id), b);
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: { field } });
      expect(res.json().error.message).toContain('published');
    }
    expect(await row(a.id)).toEqual(before);
    // the form may send unchanged values: not a change, not a refusal
    const same = await admin.patch(url(a.id), { field: 'ecology', projectId, requiresApproval: false, radiusM: 360 });
    expect(same.statusCode).toBe(200);
    expect(same.json().radiusM).toBe(360);

    await admin.post(`/api/v1/activities/${a.id}/cancel`, { reason: '暴雨预警' });
    const late = await admin.patch(url(a.id), { title: '再改' });
    expect(late.statusCode).toBe(409);
    expect((await row(a.id)).title).toBe('岸线清洁（改期通知见说明）');
  });

  it('marks a published activity risky only with a policy covering every shift', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(48)] });
    const refused = await admin.patch(url(a.id), { risky: true, title: '涉水清洁' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'INSURANCE_REQUIRED', details: { field: 'risky' } });
    expect(await row(a.id)).toMatchObject({ risky: 0, title: '长江岸线清洁行动' });

    const day = new Date(testNow() + 48 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const policy = await admin.post('/api/v1/insurance-policies', {
      activityId: a.id,
      insurer: '中国人寿',
      policyNumber: 'P-2026-001',
      startsOn: new Date(testNow() - 86_400_000).toISOString().slice(0, 10),
      endsOn: new Date(Date.parse(day) + 3 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(policy.statusCode).toBe(201);
    const ok = await admin.patch(url(a.id), { risky: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().risky).toBe(true);
    // turning it off again asks nothing
    expect((await admin.patch(url(a.id), { risky: false })).json().risky).toBe(false);
  });

  it('shows a new title in subscribed calendars with the next SEQUENCE', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, title: '手语普法', shifts: [shiftAt(72)] });
    const s = await makeSignup(t.app, { shiftId: a.shiftIds[0] as string, volunteerId });
    const { url: feed } = (await volunteer.get('/api/v1/me/calendar')).json() as { url: string };
    const fetchEvent = async () => {
      const res = await t.app.inject({ method: 'GET', url: new URL(feed).pathname });
      return ical.sync.parseICS(res.body)[`${s.id}@shanmei`] as ical.VEvent;
    };
    expect(Number((await fetchEvent()).sequence)).toBe(0);
    expect((await admin.patch(url(a.id), { title: '手语普法进社区' })).statusCode).toBe(200);
    const after = await fetchEvent();
    expect(after.summary).toBe('手语普法进社区');
    expect(Number(after.sequence)).toBe(1);
    // a change the event does not show leaves its version alone
    expect((await admin.patch(url(a.id), { description: '请提前十分钟到' })).statusCode).toBe(200);
    expect(Number((await fetchEvent()).sequence)).toBe(1);
  });
});
