import exifr from 'exifr';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportStats } from '../../../common/contract/reports.js';
import {
  clientFor,
  JIEFANGBEI,
  makeOrganisationTree,
  userWithRoles,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeAdmin, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { filesUnder } from '../../../../test/need-photos.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { reportStep, submitted, uploadedPhoto } from '../../../../test/reports.js';
import { isoIn } from '../../../../test/clock.js';
import { readSheet } from '../../../../test/insurance-factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

const POINTS = 30;

describe.each(DIALECTS)('reports (随手拍) on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let system: BearerClient;
  let yuzhongAdmin: BearerClient;
  let shapingbaAdmin: BearerClient;
  let reporter: BearerClient;
  let reporterVolunteerId: string;
  let resident: BearerClient;
  const admin = async (role: 'region_admin' | 'system_admin', scopeId: string) =>
    clientFor(t.app, (await makeAdmin(t.tdb.db, role, scopeId)).id);
  const balance = async () =>
    ((await reporter.get(`/api/v1/volunteers/${reporterVolunteerId}/points`)).json() as { balance: number }).balance;
  const count = async (table: 'reports' | 'report_events' | 'files') =>
    (await t.tdb.db.selectFrom(table).select('id').execute()).length;
  const inbox = async (c: BearerClient) =>
    (
      (await c.get('/api/v1/me/notifications?limit=200')).json() as {
        items: { kind: string; data: Record<string, string> }[];
      }
    ).items.filter((n) => n.kind === 'report_update');
  const photo = () => ({ name: 'IMG_0001.jpg', type: 'image/jpeg' });

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { SHANMEI_FILES_MAX_MB: '0.5' } });
    tree = await makeOrganisationTree(t.app);
    system = await admin('system_admin', 'system');
    yuzhongAdmin = await admin('region_admin', REGIONS.yuzhong);
    shapingbaAdmin = await admin('region_admin', REGIONS.shapingba);
    const v = await makeVolunteer(t.app);
    reporterVolunteerId = v.id;
    reporter = await clientFor(t.app, v.userId);
    resident = await userWithRoles(t.app, [{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);
    const rule = await system.post('/api/v1/point-rules', {
      scopeType: 'region',
      scopeId: REGIONS.city,
      pointsPerHour: 0,
      bonuses: { report: POINTS },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    // Water in 渝中 goes to the district team; in 解放碑, more specifically, to its sub-team.
    for (const [regionCode, organisationId] of [
      [REGIONS.yuzhong, tree.teamId],
      [REGIONS.jiefangbei, tree.subTeamId],
    ] as const) {
      const res = await yuzhongAdmin.request('PUT', '/api/v1/reports/routes', {
        regionCode,
        category: 'water',
        organisationId,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('goes submitted → routed by the most specific rule → handled, with its timeline, earning the rule’s points once', async () => {
    const original = await jpegWithGps({});
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(29.5575, 3) });
    const before = filesUnder(t.filesDir).length;
    const upload = await uploadedPhoto(t.app, reporter, { ...photo(), bytes: original });
    // The stored file and its thumbnail, read back from the disk: no EXIF, so no GPS.
    const stored = filesUnder(t.filesDir);
    expect(stored.length).toBe(before + 2);
    for (const file of stored) {
      const bytes = readFileSync(file);
      expect(await exifr.gps(bytes)).toBeUndefined();
      expect(await exifr.parse(bytes)).toBeUndefined();
    }

    const r = await submitted(reporter, {
      category: 'water',
      regionCode: REGIONS.jiefangbei,
      position: JIEFANGBEI,
      photoIds: [upload.id],
    });
    expect(r).toMatchObject({
      status: 'routed',
      organisationId: tree.subTeamId,
      organisationName: '解放碑小队',
      position: JIEFANGBEI,
      mine: true,
      canAnswer: false,
      points: 0,
    });
    expect(r.photos.map((p) => p.id)).toEqual([upload.id]);
    expect(r.timeline.map((e) => e.kind)).toEqual(['submitted', 'routed']);
    // The position is encrypted at rest.
    const row = await t.tdb.db.selectFrom('reports').select('position_enc').where('id', '=', r.id).executeTakeFirst();
    expect(row?.position_enc).not.toContain('29.5');
    // The team above the sub-team sees it and answers; its admins were told it landed.
    const teamAdmin = tree.teamAdmin.client;
    const list = (await teamAdmin.get('/api/v1/reports')).json() as { items: Report[] };
    expect(list.items.find((x) => x.id === r.id)).toMatchObject({ canAnswer: true, position: null });
    expect((await reporter.get('/api/v1/reports/mine')).json().items[0]).toMatchObject({ id: r.id });

    const balanceBefore = await balance();
    const done = await reportStep(teamAdmin, `/api/v1/reports/${r.id}/answer`, {
      outcome: 'handled',
      note: '已清理河岸垃圾',
    });
    expect(done).toMatchObject({ status: 'handled', points: POINTS, canAnswer: false });
    expect(done.closedAt).not.toBeNull();
    expect(done.timeline.map((e) => e.kind)).toEqual(['submitted', 'routed', 'handled']);
    expect(done.timeline[2]).toMatchObject({ note: '已清理河岸垃圾', organisationName: '解放碑小队' });
    expect(await balance()).toBe(balanceBefore + POINTS);

    // A second answer finds it closed: refused, and no second payment.
    const again = await teamAdmin.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'handled', note: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { details: { reason: 'report_wrong_status' } } });
    expect(await balance()).toBe(balanceBefore + POINTS);
    const ledger = await t.tdb.db
      .selectFrom('point_transactions')
      .select(['source', 'idempotency_key'])
      .where('idempotency_key', '=', `report:${r.id}`)
      .execute();
    expect(ledger).toEqual([{ source: 'report', idempotency_key: `report:${r.id}` }]);

    // The reporter was told each step after their own; the photo is theirs and the team's to see.
    const told = (await inbox(reporter)).filter((n) => n.data.reportId === r.id).map((n) => n.data.step);
    expect(told).toEqual(['handled']);
    // The sub-team has no admins of its own: those of the team above it were told it landed.
    expect((await inbox(teamAdmin)).filter((n) => n.data.reportId === r.id).map((n) => n.data.step)).toEqual([
      'landed',
    ]);
    expect((await reporter.get(upload.url)).statusCode).toBe(200);
    expect((await teamAdmin.get(upload.thumbnailUrl)).statusCode).toBe(200);
    // The admin of another region: as if it did not exist.
    expect((await shapingbaAdmin.get(upload.url)).statusCode).toBe(404);
    expect((await shapingbaAdmin.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(404);
    expect((await resident.get(upload.url)).statusCode).toBe(404);
  });

  it('pays once when two answers race', async () => {
    const r = await submitted(reporter, { category: 'water', regionCode: REGIONS.yuzhong });
    expect(r.organisationId).toBe(tree.teamId);
    const before = await balance();
    const answers = await Promise.all(
      [1, 2].map(() =>
        tree.teamAdmin.client.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'handled', note: '已处理' }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await balance()).toBe(before + POINTS);
  });

  it('waits unrouted for the region admins, is routed by hand, forwarded (both kept) and rejected with a reason', async () => {
    const upload = await uploadedPhoto(t.app, resident, {
      ...photo(),
      bytes: await jpegWithGps({ width: 80, height: 60 }),
    });
    const r = await submitted(resident, {
      category: 'civility',
      regionCode: REGIONS.xiaolongkan,
      photoIds: [upload.id],
    });
    expect(r).toMatchObject({ status: 'unrouted', organisationId: null, position: null, points: 0 });
    expect(r.timeline.map((e) => e.kind)).toEqual(['submitted', 'unrouted']);
    expect((await inbox(shapingbaAdmin)).filter((n) => n.data.reportId === r.id)).toHaveLength(1);
    // Out of scope: 404 for the report and its photo; the reporter cannot route it.
    expect((await yuzhongAdmin.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(404);
    expect((await yuzhongAdmin.get(upload.url)).statusCode).toBe(404);
    expect((await yuzhongAdmin.post(`/api/v1/reports/${r.id}/route`, { organisationId: tree.teamId })).statusCode).toBe(
      404,
    );
    expect((await resident.post(`/api/v1/reports/${r.id}/route`, { organisationId: tree.teamId })).statusCode).toBe(
      403,
    );
    expect((await shapingbaAdmin.get(upload.url)).statusCode).toBe(200);
    const queue = (await shapingbaAdmin.get('/api/v1/reports?status=unrouted')).json() as { items: Report[] };
    expect(queue.items.map((x) => x.id)).toContain(r.id);
    expect(queue.items.find((x) => x.id === r.id)?.canRoute).toBe(true);

    const routed = await reportStep(shapingbaAdmin, `/api/v1/reports/${r.id}/route`, {
      organisationId: tree.otherTeamId,
    });
    expect(routed).toMatchObject({ status: 'routed', organisationId: tree.otherTeamId });
    expect((await inbox(tree.otherTeamAdmin.client)).filter((n) => n.data.reportId === r.id)).toHaveLength(1);
    const other = tree.otherTeamAdmin.client;
    const forward = await other.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'forwarded', note: '不归我们管' });
    expect(forward.statusCode).toBe(422);
    expect(forward.json()).toMatchObject({ error: { details: { reason: 'report_forward_target' } } });
    const forwarded = await reportStep(other, `/api/v1/reports/${r.id}/answer`, {
      outcome: 'forwarded',
      note: '转交渝中区',
      organisationId: tree.teamId,
    });
    expect(forwarded).toMatchObject({ status: 'forwarded', organisationId: tree.teamId });
    // The team it left no longer sees it.
    expect((await other.get(`/api/v1/reports/${r.id}`)).statusCode).toBe(404);
    const rejected = await reportStep(tree.teamAdmin.client, `/api/v1/reports/${r.id}/answer`, {
      outcome: 'rejected',
      note: '现场已无此情况',
    });
    expect(rejected.status).toBe('rejected');
    expect(rejected.timeline.map((e) => [e.kind, e.organisationName])).toEqual([
      ['submitted', null],
      ['unrouted', null],
      ['routed', '沙坪坝区生态环境志愿服务队'],
      ['forwarded', '渝中区生态环境志愿服务队'],
      ['rejected', '渝中区生态环境志愿服务队'],
    ]);
    const steps = (await inbox(resident)).filter((n) => n.data.reportId === r.id).map((n) => n.data.step);
    expect(steps.sort()).toEqual(['forwarded', 'rejected', 'routed']);
    expect(rejected.points).toBe(0);
  });

  it('refuses bad input with 4xx and changes nothing', async () => {
    const others = await uploadedPhoto(t.app, resident, {
      ...photo(),
      bytes: await jpegWithGps({ width: 40, height: 30 }),
    });
    const counts = async () => [await count('reports'), await count('report_events'), await count('files')];
    const before = await counts();
    const base = { category: 'water', text: '污水', regionCode: REGIONS.jiefangbei };
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ ...base, regionCode: '999999' }, 422, 'no_such_region'],
      [{ ...base, category: 'noise' }, 400],
      [{ ...base, text: '' }, 400],
      [{ ...base, position: { lat: 200, lng: 0 } }, 400],
      [{ ...base, photoIds: [others.id] }, 422, 'photo_unknown'],
      [{ ...base, photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`) }, 400],
      [{ ...base, observedAt: isoIn(86_400_000) }, 422, 'report_observed_in_future'],
      [{ ...base, secret: 1 }, 400],
    ];
    for (const [body, status, reason] of cases) {
      const res = await reporter.post('/api/v1/reports', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (reason) expect(res.json()).toMatchObject({ error: { details: { reason } } });
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: base })).statusCode).toBe(401);
    const r = await submitted(reporter, { category: 'water', regionCode: REGIONS.jiefangbei });
    const after = await counts();
    expect((await reporter.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'handled', note: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await shapingbaAdmin.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'handled', note: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await tree.teamAdmin.client.post(`/api/v1/reports/${r.id}/answer`, { outcome: 'maybe', note: 'x' })).statusCode,
    ).toBe(400);
    expect((await yuzhongAdmin.post(`/api/v1/reports/${r.id}/route`, { organisationId: 'nope' })).statusCode).toBe(422);
    expect(await counts()).toEqual(after);
    expect(after).toEqual([before[0]! + 1, before[1]! + 2, before[2]]);
    // Routing rules: only over one's own region, to an organisation that exists.
    const put = (c: BearerClient, body: unknown) => c.request('PUT', '/api/v1/reports/routes', body);
    expect(
      (await put(shapingbaAdmin, { regionCode: REGIONS.yuzhong, category: 'water', organisationId: tree.teamId }))
        .statusCode,
    ).toBe(403);
    expect(
      (await put(yuzhongAdmin, { regionCode: REGIONS.yuzhong, category: 'water', organisationId: 'nope' })).statusCode,
    ).toBe(422);
    expect(
      (await put(reporter, { regionCode: REGIONS.yuzhong, category: 'water', organisationId: tree.teamId })).statusCode,
    ).toBe(403);
  });

  it('counts reports by category, status and child region with handling times, in scope and in public', async () => {
    const stats = (await yuzhongAdmin.get('/api/v1/reports/stats')).json() as ReportStats;
    expect(stats.total).toBeGreaterThanOrEqual(3);
    expect(stats.byCategory.find((c) => c.key === 'water')?.count).toBeGreaterThanOrEqual(3);
    expect(stats.byRegion.find((c) => c.code === REGIONS.jiefangbei)?.count).toBeGreaterThanOrEqual(2);
    expect(stats.handling.closed).toBeGreaterThanOrEqual(2);
    expect(stats.handling.medianHours).not.toBeNull();
    // The civility report of 沙坪坝 was forwarded into 渝中's team: the district admin counts by region only.
    expect(stats.byCategory.find((c) => c.key === 'civility')?.count).toBe(0);
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/reports/stats/public' });
    expect(pub.statusCode).toBe(200);
    const all = pub.json() as ReportStats;
    expect(all.total).toBeGreaterThan(stats.total);
    expect(all.byRegion.map((r) => r.code)).toEqual(expect.arrayContaining([REGIONS.yuzhong, REGIONS.shapingba]));
    expect((await reporter.get('/api/v1/reports/stats')).statusCode).toBe(403);
    expect((await reporter.get('/api/v1/reports')).statusCode).toBe(403);
  });

  it('counts the reports submitted in a window, and writes the same figures as .xlsx', async () => {
    const HOUR = 3_600_000;
    const all = (await yuzhongAdmin.get('/api/v1/reports/stats')).json() as ReportStats;
    expect([all.from, all.to, all.regionCode, all.regionName]).toEqual([null, null, REGIONS.yuzhong, '渝中区']);
    // Every report of this file was submitted in the last hour; none after the next.
    const q = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const [hourAgo, inAnHour] = [isoIn(-HOUR), isoIn(HOUR)];
    const recent = (await yuzhongAdmin.get(`/api/v1/reports/stats?${q(hourAgo, inAnHour)}`)).json() as ReportStats;
    expect(recent).toMatchObject({ total: all.total, byStatus: all.byStatus, from: hourAgo, to: inAnHour });
    const later = (
      await yuzhongAdmin.get(`/api/v1/reports/stats?${q(isoIn(HOUR), isoIn(2 * HOUR))}`)
    ).json() as ReportStats;
    expect(later.total).toBe(0);
    expect(later.byRegion).toEqual([]);
    // Bad windows and regions are the caller's mistake.
    const bad: [string, number, string?][] = [
      ['from=yesterday', 400],
      [q(isoIn(HOUR), isoIn(-HOUR)), 422, 'window_reversed'],
      ['regionCode=999999', 422, 'no_such_region'],
    ];
    for (const [query, status, reason] of bad) {
      const res = await yuzhongAdmin.get(`/api/v1/reports/stats?${query}`);
      expect(res.statusCode, query).toBe(status);
      if (reason) expect(res.json()).toMatchObject({ error: { details: { reason } } });
    }
    // The console's file: the same figures as the answer.
    const file = await yuzhongAdmin.get('/api/v1/reports/stats.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/reports_500103/);
    const summary = await readSheet(file.rawPayload);
    expect(summary).toContainEqual([undefined, '随手拍 Reports', all.total]);
    expect(summary).toContainEqual([undefined, '已答复 Answered', all.handling.closed]);
    expect((await reporter.get('/api/v1/reports/stats.xlsx')).statusCode).toBe(403);
    // The public file needs no login and counts every region.
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/stats/public.xlsx?${q(isoIn(-HOUR), isoIn(HOUR))}`,
    });
    expect(pub.statusCode).toBe(200);
    const everywhere = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reports/stats/public?${q(isoIn(-HOUR), isoIn(HOUR))}` })
    ).json() as ReportStats;
    expect(await readSheet(pub.rawPayload)).toContainEqual([undefined, '随手拍 Reports', everywhere.total]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/reports/stats/public.xlsx?regionCode=1' })).statusCode,
    ).toBe(400);
  });
});
