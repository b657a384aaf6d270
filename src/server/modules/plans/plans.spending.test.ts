import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../common/contract/files.js';
import type { Plan } from '../../../common/contract/plans.js';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { makeAdmin, REGIONS } from '../../../../test/factories.js';
import { multipartFile } from '../../../../test/multipart.js';
import { makeFundedPlan } from '../../../../test/plan-fixtures.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

describe.each(DIALECTS)('correcting and removing spending entries on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let clock: FrozenClock;
  let dept: BearerClient;
  let yuzhong: BearerClient;
  let stranger: BearerClient;
  let plan: Plan;
  let fundingId: string;
  let photo: Buffer;

  const url = (rest = '') => `/api/v1/plans/${plan.id}${rest}`;
  const entryUrl = (id: string) => url(`/funding/${fundingId}/spending/${id}`);
  const current = async () => (await dept.get(url())).json() as Plan;
  const uploaded = async (c: BearerClient = dept) => {
    const body = multipartFile('photo', { name: 'r.jpg', type: 'image/jpeg', bytes: photo });
    const res = await t.app.inject({
      method: 'POST',
      url: url('/photos'),
      headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as StoredFile;
  };
  const spend = async (amount: number, spentOn: string, photoIds: string[] = []) => {
    const res = await dept.post(url(`/funding/${fundingId}/spending`), { amount, spentOn, note: '物资', photoIds });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as Plan).funding[0]!.spending.find((s) => s.amount === amount && s.spentOn === spentOn)!;
  };
  const audits = (action: string) =>
    t.tdb.db
      .selectFrom('audit_log')
      .select(['details', 'entity_id'])
      .where('action', '=', action)
      .orderBy('id')
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          entityId: r.entity_id,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
        })),
      );

  beforeAll(async () => {
    clock = freezeClock('2026-06-20T02:00:00Z');
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    dept = tree.departmentAdmin.client;
    yuzhong = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.yuzhong)).id);
    stranger = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.liangjiang)).id);
    photo = await jpegWithGps({ width: 40, height: 30 });
    // Its Yuzhong task lets that district's region admin read the plan (but not its funding).
    ({ plan, fundingId } = await makeFundedPlan(dept, tree));
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('corrects an entry’s amount, day, note and receipts; spent follows and the audit keeps old and new', async () => {
    const first = await uploaded();
    const entry = await spend(2_000_00, '2026-03-01', [first.id]);
    await spend(500_00, '2026-04-01');
    expect((await current()).funding[0]!.spent).toBe(2_500_00);

    const second = await uploaded();
    const res = await dept.patch(entryUrl(entry.id), {
      amount: 1_800_00,
      spentOn: '2026-03-02',
      note: '退回多付的 200 元',
      photoIds: [first.id, second.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Plan;
    expect(after).toMatchObject({ budget: 100_000, spent: 2_300_00 });
    const fixed = after.funding[0]!.spending.find((s) => s.id === entry.id)!;
    expect(fixed).toMatchObject({ amount: 1_800_00, spentOn: '2026-03-02', note: '退回多付的 200 元' });
    expect(fixed.photos.map((p) => p.id)).toEqual([first.id, second.id]);
    // Only the note: the rest stays; a null note clears it.
    const cleared = await dept.patch(entryUrl(entry.id), { note: null, photoIds: [second.id] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const again = (cleared.json() as Plan).funding[0]!.spending.find((s) => s.id === entry.id)!;
    expect(again).toMatchObject({ amount: 1_800_00, spentOn: '2026-03-02', note: null });
    expect(again.photos.map((p) => p.id)).toEqual([second.id]);
    expect((cleared.json() as Plan).spent).toBe(2_300_00);

    const logged = await audits('plan.funding.spend_update');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      entityId: plan.id,
      details: {
        fundingId,
        spendingId: entry.id,
        before: { amount: 2_000_00, spentOn: '2026-03-01', note: '物资', photoIds: [first.id] },
        after: { amount: 1_800_00, spentOn: '2026-03-02', note: '退回多付的 200 元', photoIds: [first.id, second.id] },
      },
    });
    expect(logged[1]!.details).toMatchObject({ before: { note: '退回多付的 200 元' }, after: { note: null } });
  });

  it('removes an entry, taking it off spent, and keeps what it was in the audit', async () => {
    const entry = await spend(123_45, '2026-05-05');
    const spentBefore = (await current()).spent;
    const res = await dept.del(entryUrl(entry.id));
    expect(res.statusCode, res.body).toBe(204);
    const after = await current();
    expect(after.spent).toBe(spentBefore - 123_45);
    expect(after.funding[0]!.spending.some((s) => s.id === entry.id)).toBe(false);
    expect((await audits('plan.funding.spend_delete')).at(-1)).toMatchObject({
      entityId: plan.id,
      details: { spendingId: entry.id, before: { amount: 123_45, spentOn: '2026-05-05', note: '物资' } },
    });
    // Gone is gone: a second removal or a correction finds nothing.
    expect((await dept.del(entryUrl(entry.id))).statusCode).toBe(404);
    expect((await dept.patch(entryUrl(entry.id), { amount: 1 })).statusCode).toBe(404);
  });

  it('lets only the plan’s editors change entries: 401, 403 read-only, 404 out of sight', async () => {
    const entry = await spend(10_00, '2026-06-01');
    const anonymous = await t.app.inject({ method: 'DELETE', url: entryUrl(entry.id) });
    expect(anonymous.statusCode).toBe(401);
    expect((await yuzhong.patch(entryUrl(entry.id), { amount: 1 })).statusCode).toBe(403);
    expect((await yuzhong.del(entryUrl(entry.id))).statusCode).toBe(403);
    expect((await stranger.patch(entryUrl(entry.id), { amount: 1 })).statusCode).toBe(404);
    expect((await stranger.del(entryUrl(entry.id))).statusCode).toBe(404);
    expect((await current()).funding[0]!.spending.find((s) => s.id === entry.id)).toMatchObject({ amount: 10_00 });
  });

  it('refuses bad corrections with a 4xx naming the rule, and changes nothing', async () => {
    const receipt = await uploaded();
    const entry = await spend(20_00, '2026-06-02', [receipt.id]);
    const elsewhere = await spend(30_00, '2026-06-03', [(await uploaded()).id]);
    const before = JSON.stringify(await current());
    const cases: [string, unknown, number, string][] = [
      ['zero amount', { amount: 0 }, 422, 'plan_amount_not_positive'],
      ['negative amount', { amount: -5 }, 422, 'plan_amount_not_positive'],
      ['fractional fen', { amount: 1.5 }, 400, ''],
      ['another year', { spentOn: '2027-01-01' }, 422, 'plan_date_outside_year'],
      ['no such day', { spentOn: '2026-02-30' }, 422, 'plan_date_outside_year'],
      ['nothing to change', {}, 400, ''],
      ['unknown field', { budget: 1 }, 400, ''],
      ['photo of another entry', { photoIds: [elsewhere.photos[0]!.id] }, 422, 'photo_unknown'],
      ['photo never uploaded', { photoIds: ['nope'] }, 422, 'photo_unknown'],
      ['ten photos', { photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`) }, 400, ''],
    ];
    for (const [name, body, status, reason] of cases) {
      const res = await dept.patch(entryUrl(entry.id), body);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.message.length, name).toBeGreaterThan(0);
      if (reason) expect(res.json().error.details?.reason, name).toBe(reason);
    }
    expect((await dept.patch(url(`/funding/nope/spending/${entry.id}`), { amount: 1 })).statusCode).toBe(404);
    expect((await dept.del(url(`/funding/nope/spending/${entry.id}`))).statusCode).toBe(404);
    expect(JSON.stringify(await current())).toBe(before);
  });
});
