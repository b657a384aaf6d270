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
import { filesUnder } from '../../../../test/need-photos.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { sweepFiles } from '../files/index.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('photos on plans (evidence and receipts) on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let clock: FrozenClock;
  let dept: BearerClient;
  let yuzhong: BearerClient;
  let shapingba: BearerClient;
  let plan: Plan;
  let other: Plan;
  let photo: Buffer;
  let taskId: string;
  let fundingId: string;

  const upload = (c: BearerClient, planId: string, file = { name: 'a.jpg', type: 'image/jpeg', bytes: photo }) => {
    const body = multipartFile('photo', file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/photos`,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const uploaded = async (planId = plan.id) => {
    const res = await upload(dept, planId);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as StoredFile;
  };
  const url = (rest = '') => `/api/v1/plans/${plan.id}${rest}`;
  const newPlan = async (title: string) => {
    const res = await dept.post('/api/v1/plans', {
      departmentId: tree.departmentId,
      year: 2026,
      title,
      field: 'ecology',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Plan;
  };
  const rowIds = async () => (await t.tdb.db.selectFrom('files').select('id').execute()).map((r) => r.id);
  const onDisk = (id: string) => filesUnder(t.filesDir).some((p) => p.endsWith(`/${id}`));

  beforeAll(async () => {
    clock = freezeClock('2026-06-20T02:00:00Z');
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    dept = tree.departmentAdmin.client;
    yuzhong = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.yuzhong)).id);
    shapingba = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.shapingba)).id);
    photo = await jpegWithGps({ width: 80, height: 60 });
    ({ plan, taskId, fundingId } = await makeFundedPlan(dept, tree));
    other = await newPlan('另一个方案');
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('attaches evidence to a progress update and receipts to spending, each seen by who sees that part', async () => {
    const evidence = await uploaded();
    const receipt = await uploaded();
    const p = await dept.post(url(`/tasks/${taskId}/progress`), {
      value: 3,
      note: '巡河 3 次',
      photoIds: [evidence.id],
    });
    expect(p.statusCode, p.body).toBe(201);
    const s = await dept.post(url(`/funding/${fundingId}/spending`), {
      amount: 5000,
      spentOn: '2026-06-01',
      photoIds: [receipt.id],
    });
    expect(s.statusCode, s.body).toBe(201);

    const seen = (await dept.get(url())).json() as Plan;
    const update = seen.keyTasks.find((k) => k.id === taskId)!.updates[0]!;
    expect(update.photos).toEqual([
      { id: evidence.id, url: `/api/v1/files/${evidence.id}`, thumbnailUrl: `/api/v1/files/${evidence.id}/thumbnail` },
    ]);
    expect(seen.funding[0]!.spending[0]!.photos.map((x) => x.id)).toEqual([receipt.id]);
    expect((await dept.get(evidence.url)).statusCode).toBe(200);
    expect((await dept.get(receipt.thumbnailUrl)).statusCode).toBe(200);

    // Yuzhong's region admin sees the task of their region with its evidence, and no receipt.
    const regional = (await yuzhong.get(url())).json() as Plan;
    expect(regional.keyTasks.map((k) => k.id)).toEqual([taskId]);
    expect(regional.keyTasks[0]!.updates[0]!.photos.map((x) => x.id)).toEqual([evidence.id]);
    expect((await yuzhong.get(evidence.url)).statusCode).toBe(200);
    expect((await yuzhong.get(evidence.thumbnailUrl)).statusCode).toBe(200);
    expect((await yuzhong.get(receipt.url)).statusCode).toBe(404);
    expect((await yuzhong.get(receipt.thumbnailUrl)).statusCode).toBe(404);
    // Shapingba's sees the plan (its own task) but not Yuzhong's task, so not its evidence.
    expect((await shapingba.get(url())).statusCode).toBe(200);
    expect((await shapingba.get(evidence.url)).statusCode).toBe(404);
    // Region admins do not upload: the plan is read-only to them.
    expect((await upload(yuzhong, plan.id)).statusCode).toBe(403);
  });

  it('refuses a photo of another plan (422), more than nine (400) and a text file (415)', async () => {
    const elsewhere = await uploaded(other.id);
    const res = await dept.post(url(`/tasks/${taskId}/progress`), { value: 4, photoIds: [elsewhere.id] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { details: { reason: 'photo_unknown', field: 'photoIds' } } });
    const receipt = await dept.post(url(`/funding/${fundingId}/spending`), {
      amount: 1,
      spentOn: '2026-06-02',
      photoIds: [elsewhere.id],
    });
    expect(receipt.statusCode).toBe(422);
    // A receipt already on a spending entry is not attached again as evidence (region admins would see it).
    const receiptId = ((await dept.get(url())).json() as Plan).funding[0]!.spending[0]!.photos[0]!.id;
    const again = await dept.post(url(`/tasks/${taskId}/progress`), { value: 4, photoIds: [receiptId] });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ error: { details: { reason: 'photo_unknown' } } });
    const tooMany = await dept.post(url(`/tasks/${taskId}/progress`), {
      value: 4,
      photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
    // Nothing was written by the refused updates.
    const after = (await dept.get(url())).json() as Plan;
    expect(after.keyTasks.find((k) => k.id === taskId)!.value).toBe(3);
    expect(after.spent).toBe(5000);

    const before = (await rowIds()).length;
    const text = await upload(dept, plan.id, {
      name: 'receipt.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('不是照片'),
    });
    expect(text.statusCode, text.body).toBe(415);
    expect(text.json()).toMatchObject({ error: { details: { reason: 'file_type_not_allowed' } } });
    expect((await rowIds()).length).toBe(before);
  });

  it('sweeps photos never attached once the grace has passed, keeping attached and fresh ones', async () => {
    const attached = await uploaded();
    const dropped = await uploaded();
    await dept.post(url(`/funding/${fundingId}/spending`), {
      amount: 10,
      spentOn: '2026-06-03',
      photoIds: [attached.id],
    });
    const sweep = () => sweepFiles({ db: t.app.ctx.database.db, files: t.app.ctx.files });
    clock.advance(2 * HOUR);
    expect(await sweep()).toMatchObject({ ran: true, deleted: 0 });
    clock.advance(47 * HOUR);
    const fresh = await uploaded();
    const run = await sweep();
    expect(run.ran).toBe(true);
    const ids = await rowIds();
    expect(ids).not.toContain(dropped.id);
    expect(onDisk(dropped.id)).toBe(false);
    for (const id of [attached.id, fresh.id]) {
      expect(ids).toContain(id);
      expect(onDisk(id)).toBe(true);
    }
    // The other plan's photo from the test before, never attached, went too.
    expect(run.deleted).toBe(2);
    expect((await dept.get(attached.url)).statusCode).toBe(200);
  });
});
