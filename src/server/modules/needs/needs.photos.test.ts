import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../common/contract/files.js';
import type { Need } from '../../../common/contract/needs.js';
import { REGIONS } from '../../../../test/factories.js';
import {
  makeOrganisationTree,
  makeTeamMember,
  userWithRoles,
  type BearerClient,
} from '../../../../test/activity-factories.js';
import { filesUnder, needStep, takenNeed as needTakenBy, uploadNeedPhoto } from '../../../../test/need-photos.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

describe.each(DIALECTS)('photos of a need on %s', (dialect) => {
  let t: TestApp;
  let resident: BearerClient;
  let otherResident: BearerClient;
  let regionAdmin: BearerClient;
  let otherRegionAdmin: BearerClient;
  let member: BearerClient;
  let teamMate: BearerClient;

  const upload = (c: BearerClient, needId: string, file: { name: string; type: string; bytes: Buffer }) =>
    uploadNeedPhoto(t.app, c, needId, file);
  const ok = needStep;
  /** A need of the resident, taken by the member. */
  const takenNeed = () => needTakenBy({ resident, regionAdmin, organisationId: tree.subTeamId, taker: member });
  let tree: Awaited<ReturnType<typeof makeOrganisationTree>>;
  const fileRows = () => t.tdb.db.selectFrom('files').select('id').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { SHANMEI_FILES_MAX_MB: '0.5' } });
    tree = await makeOrganisationTree(t.app);
    const system = { scopeType: 'system', scopeId: 'system' } as const;
    resident = await userWithRoles(t.app, [{ role: 'resident', ...system }]);
    otherResident = await userWithRoles(t.app, [{ role: 'resident', ...system }]);
    regionAdmin = await userWithRoles(t.app, [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }]);
    otherRegionAdmin = await userWithRoles(t.app, [
      { role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba },
    ]);
    member = await makeTeamMember(t.app, tree.subTeamId);
    teamMate = await makeTeamMember(t.app, tree.subTeamId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('completes a need with photos stripped of their GPS position, shown to those who see the need', async () => {
    const id = await takenNeed();
    const original = await jpegWithGps({});
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(29.5575, 3) });

    const res = await upload(member, id, { name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: original });
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json() as StoredFile;
    expect(photo).toMatchObject({ contentType: 'image/jpeg', width: 640, height: 480 });
    expect(photo.id[14]).toBe('4'); // a random UUIDv4, not a time-ordered UUIDv7
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const second = await upload(member, id, { name: 'shot.png', type: 'image/png', bytes: png });
    expect(second.statusCode, second.body).toBe(201);

    // The stored file and its thumbnail: no EXIF at all, so no GPS; the thumbnail is small.
    const stored = filesUnder(t.filesDir);
    expect(stored).toHaveLength(4);
    const served = await member.get(photo.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toMatch(/^private/);
    expect(await exifr.gps(served.rawPayload)).toBeUndefined();
    expect(await exifr.parse(served.rawPayload)).toBeUndefined();
    const thumb = await member.get(photo.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    expect(await exifr.gps(thumb.rawPayload)).toBeUndefined();

    // Before completion only the uploader sees it.
    expect((await resident.get(photo.url)).statusCode).toBe(404);
    expect((await teamMate.get(photo.url)).statusCode).toBe(404);

    const done = await ok(member, `/api/v1/needs/${id}/complete`, {
      report: '买菜两次',
      photoIds: [photo.id, (second.json() as StoredFile).id],
    });
    expect(done.status).toBe('completed');
    expect(done.photos).toEqual([
      { id: photo.id, url: `/api/v1/files/${photo.id}`, thumbnailUrl: `/api/v1/files/${photo.id}/thumbnail` },
      expect.objectContaining({ id: (second.json() as StoredFile).id }),
    ]);
    const seen = (await resident.get(`/api/v1/needs/${id}`)).json() as Need;
    expect(seen.photos.map((p) => p.id)).toEqual(done.photos.map((p) => p.id));
    for (const c of [resident, regionAdmin, teamMate]) {
      const r = await c.get(photo.thumbnailUrl);
      expect(r.statusCode).toBe(200);
      expect(await exifr.gps(r.rawPayload)).toBeUndefined();
    }
    // Those who do not see the need do not see its photos: 404, as for a file that does not exist.
    for (const c of [otherResident, otherRegionAdmin]) {
      expect((await c.get(photo.url)).statusCode).toBe(404);
      expect((await c.get(photo.thumbnailUrl)).statusCode).toBe(404);
    }
    expect((await resident.get('/api/v1/files/no-such-file')).statusCode).toBe(404);
    // Anonymous callers may ask (a published story's photos are public), and are told nothing of others.
    expect((await t.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(404);
  });

  it('refuses a photo over the limit (413) and a text file named .jpg (415), keeping nothing', async () => {
    const id = await takenNeed();
    const rowsBefore = (await fileRows()).length;
    const filesBefore = filesUnder(t.filesDir).length;
    // Noise does not compress: a 1200×1200 JPEG of it is well over the 0.5 MB limit of this app.
    const noise = Buffer.alloc(1200 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(512 * 1024);
    const tooBig = await upload(member, id, { name: 'big.jpg', type: 'image/jpeg', bytes: big });
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    expect(tooBig.json()).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE', details: { reason: 'file_too_large' } },
    });

    const text = await upload(member, id, {
      name: 'photo.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('这不是照片，只是一段文字。'),
    });
    expect(text.statusCode, text.body).toBe(415);
    expect(text.json()).toMatchObject({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason: 'file_type_not_allowed' } },
    });
    // A HEIC by its first bytes that holds no image cannot be decoded.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    const refusedHeic = await upload(member, id, { name: 'IMG_0002.HEIC', type: 'image/heic', bytes: heic });
    expect(refusedHeic.statusCode).toBe(415);
    expect(refusedHeic.json()).toMatchObject({ error: { details: { reason: 'image_unreadable' } } });

    expect((await fileRows()).length).toBe(rowsBefore);
    expect(filesUnder(t.filesDir)).toHaveLength(filesBefore);
  });

  it('lets only the taker add photos, and attach only their own photos of that need', async () => {
    const id = await takenNeed();
    const other = await takenNeed();
    const bytes = await jpegWithGps({ width: 80, height: 60 });
    const file = { name: 'a.jpg', type: 'image/jpeg', bytes };
    expect((await upload(teamMate, id, file)).statusCode).toBe(403);
    expect((await upload(otherResident, id, file)).statusCode).toBe(404);
    const elsewhere = (await upload(member, other, file)).json() as StoredFile;
    const res = await member.post(`/api/v1/needs/${id}/complete`, { report: '完成', photoIds: [elsewhere.id] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { details: { reason: 'photo_unknown', field: 'photoIds' } } });
    const tooMany = await member.post(`/api/v1/needs/${id}/complete`, {
      report: '完成',
      photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
    // Without photos the contract is as before.
    expect((await ok(member, `/api/v1/needs/${id}/complete`, { report: '完成' })).photos).toEqual([]);
    // Once done, no more uploads.
    expect((await upload(member, id, file)).statusCode).toBe(409);
  });
});
