import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../common/contract/files.js';
import { PASSWORD, REGIONS } from '../../../../test/factories.js';
import {
  makeOrganisationTree,
  makeTeamMember,
  userWithRoles,
  type BearerClient,
} from '../../../../test/activity-factories.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { filesUnder, needStep as ok, takenNeed as needTakenBy, uploadNeedPhoto } from '../../../../test/need-photos.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { sweepFiles } from '../files/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('deleting unwanted need photos on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock;
  let regionAdmin: BearerClient;
  let member: BearerClient;
  let tree: Awaited<ReturnType<typeof makeOrganisationTree>>;
  let photo: Buffer;

  const upload = async (c: BearerClient, needId: string) => {
    const res = await uploadNeedPhoto(t.app, c, needId, { name: 'a.jpg', type: 'image/jpeg', bytes: photo });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as StoredFile).id;
  };
  /** A need of the resident, taken by the member (or another taker). */
  const takenNeed = (resident: BearerClient, taker: BearerClient = member) =>
    needTakenBy({ resident, regionAdmin, organisationId: tree.subTeamId, taker });
  /** A need completed with one of the taker's two photos: the other was picked and dropped. */
  const completedNeed = async (owner: BearerClient, taker: BearerClient = member) => {
    const need = await takenNeed(owner, taker);
    const attached = await upload(taker, need);
    const dropped = await upload(taker, need);
    await ok(taker, `/api/v1/needs/${need}/complete`, { report: '完成', photoIds: [attached] });
    return { need, attached, dropped };
  };
  const rowIds = async () => (await t.tdb.db.selectFrom('files').select('id').execute()).map((r) => r.id);
  /** Whether a file's bytes and thumbnail are on disk (keys are `need_photo/<id>` and `….thumb`). */
  const onDisk = (id: string) => {
    const names = filesUnder(t.filesDir).map((p) => p.slice(p.lastIndexOf('/') + 1));
    return names.includes(id) && names.includes(`${id}.thumb`);
  };
  const sweep = () => sweepFiles({ db: t.app.ctx.database.db, files: t.app.ctx.files });
  const resident = () => userWithRoles(t.app, [{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);

  beforeAll(async () => {
    clock = freezeClock();
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    regionAdmin = await userWithRoles(t.app, [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }]);
    member = await makeTeamMember(t.app, tree.subTeamId);
    photo = await jpegWithGps({ width: 80, height: 60 });
  });
  afterAll(async () => {
    await t.close();
    clock.restore();
  });

  it('deletes a photo left unattached past the grace, keeping attached and fresh ones; once per hour', async () => {
    const owner = await resident();
    const { attached, dropped } = await completedNeed(owner);
    const stillTaken = await takenNeed(owner);
    const pending = await upload(member, stillTaken);

    // Within the grace nothing goes.
    expect(await sweep()).toEqual({ ran: true, deleted: 0 });
    clock.advance(49 * HOUR);
    // A photo dropped just now, on a need completed without it: fresh, it stays.
    const lateNeed = await takenNeed(owner);
    const fresh = await upload(member, lateNeed);
    await ok(member, `/api/v1/needs/${lateNeed}/complete`, { report: '完成' });

    expect(await sweep()).toEqual({ ran: true, deleted: 1 });
    expect(await rowIds()).not.toContain(dropped);
    expect(onDisk(dropped)).toBe(false);
    for (const id of [attached, pending, fresh]) {
      expect(await rowIds()).toContain(id);
      expect(onDisk(id)).toBe(true);
    }
    // Another process within the hour does not sweep again.
    expect((await sweep()).ran).toBe(false);
    // The attached photo is still served.
    expect((await owner.get(`/api/v1/files/${attached}`)).statusCode).toBe(200);

    // A month on: the photo of the need still taken goes too, and the one dropped later; the attached one stays.
    clock.advance(31 * DAY);
    expect(await sweep()).toEqual({ ran: true, deleted: 2 });
    expect(await rowIds()).toEqual(expect.arrayContaining([attached]));
    for (const id of [pending, fresh]) {
      expect(await rowIds()).not.toContain(id);
      expect(onDisk(id)).toBe(false);
    }
    expect(onDisk(attached)).toBe(true);
  });

  it("removes the photos on a closed account's needs, and those it uploaded as a taker and never attached", async () => {
    const closing = await resident();
    const other = await resident();
    const { need, attached, dropped } = await completedNeed(closing);
    const othersNeed = await takenNeed(other);
    const othersPhoto = await upload(member, othersNeed);

    const res = await closing.post('/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(res.statusCode, res.body).toBe(204);
    for (const id of [attached, dropped]) {
      expect(await rowIds()).not.toContain(id);
      expect(onDisk(id)).toBe(false);
    }
    const row = await t.tdb.db.selectFrom('needs').select('photo_ids').where('id', '=', need).executeTakeFirstOrThrow();
    expect(JSON.parse(row.photo_ids)).toEqual([]);
    // Another resident's need keeps its photo.
    expect(await rowIds()).toContain(othersPhoto);
    expect(onDisk(othersPhoto)).toBe(true);
  });

  it('removes what a closing taker uploaded and never attached; what they attached stays with the need', async () => {
    const taker = await makeTeamMember(t.app, tree.subTeamId);
    const owner = await resident();
    const { attached, dropped } = await completedNeed(owner, taker);

    const closed = await taker.post('/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(closed.statusCode, closed.body).toBe(204);
    expect(await rowIds()).not.toContain(dropped);
    expect(onDisk(dropped)).toBe(false);
    expect(await rowIds()).toContain(attached);
    expect(onDisk(attached)).toBe(true);
  });

  it('keeps a file whose bytes could not be removed for the next sweep; a closure stands all the same', async () => {
    const files = t.app.ctx.files;
    const broken = { ...files, delete: () => Promise.reject(new Error('storage unavailable')) };
    const { dropped } = await completedNeed(await resident());
    clock.advance(2 * DAY);
    t.app.ctx.files = broken;
    try {
      expect(await sweepFiles({ db: t.app.ctx.database.db, files: broken })).toEqual({ ran: true, deleted: 0 });
      expect(await rowIds()).toContain(dropped);
      const client = await resident();
      const { attached } = await completedNeed(client);
      const res = await client.post('/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
      expect(res.statusCode, res.body).toBe(204);
      expect(await rowIds()).not.toContain(attached);
    } finally {
      t.app.ctx.files = files;
    }
    clock.advance(2 * HOUR);
    expect(await sweep()).toEqual({ ran: true, deleted: 1 });
    expect(onDisk(dropped)).toBe(false);
  });
});
