import exifr from 'exifr';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/contract/reports.js';
import { clientFor, JIEFANGBEI, userWithRoles, type BearerClient } from '../../../../test/activity-factories.js';
import { makeRegions, makeUser, PASSWORD, REGIONS } from '../../../../test/factories.js';
import { filesUnder } from '../../../../test/need-photos.js';
import { gpsInsideHeic, heicWithGps, jpegWithGps, oversizedJpeg } from '../../../../test/photos.js';
import { submitMultipart, uploadReportPhoto } from '../../../../test/reports.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { freezeClock } from '../../../../test/clock.js';
import { sweepFiles } from '../files/index.js';
import { REPORT_PHOTOS_PER_USER_HOUR, REPORTS_PER_USER_HOUR } from './reports.limits.js';
import { UNATTACHED_GRACE_MS } from './reports.photos.js';

describe.each(DIALECTS)('photos of reports on %s', (dialect) => {
  let t: TestApp;
  let resident: BearerClient;
  let other: BearerClient;
  const fields = { category: 'sanitation', text: '垃圾桶满了', regionCode: REGIONS.jiefangbei };
  const rows = async () => [
    (await t.tdb.db.selectFrom('files').select('id').execute()).length,
    (await t.tdb.db.selectFrom('reports').select('id').execute()).length,
  ];

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { SHANMEI_FILES_MAX_MB: '0.5' } });
    await makeRegions(t.tdb.db);
    const system = { scopeType: 'system', scopeId: 'system' } as const;
    resident = await userWithRoles(t.app, [{ role: 'resident', ...system }]);
    other = await userWithRoles(t.app, [{ role: 'resident', ...system }]);
  });
  afterAll(() => t.close());

  it('takes a report as one multipart body with its photos, kept without their GPS position', async () => {
    const heic = heicWithGps();
    expect(await gpsInsideHeic(heic)).toMatchObject({ latitude: 29.55, longitude: 106.55 });
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const res = await submitMultipart(
      t.app,
      resident,
      { ...fields, lat: String(JIEFANGBEI.lat), lng: String(JIEFANGBEI.lng) },
      [
        { name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: await jpegWithGps({}) },
        { name: 'shot.png', type: 'image/png', bytes: png },
        { name: 'IMG_0003.HEIC', type: 'image/heic', bytes: heic },
      ],
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Report;
    expect(r).toMatchObject({ status: 'unrouted', category: 'sanitation', position: JIEFANGBEI });
    expect(r.photos).toHaveLength(3);
    const stored = filesUnder(t.filesDir);
    expect(stored).toHaveLength(6);
    for (const file of stored) expect(await exifr.gps(readFileSync(file))).toBeUndefined();
    const served = await resident.get(r.photos[0]!.url);
    expect(served.statusCode).toBe(200);
    expect(await exifr.parse(served.rawPayload)).toBeUndefined();
    // The iPhone's HEIC is kept as a JPEG of the same size, with no EXIF either.
    const fromHeic = await resident.get(r.photos[2]!.url);
    expect(fromHeic.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(fromHeic.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(await exifr.parse(fromHeic.rawPayload)).toBeUndefined();
    expect(await gpsInsideHeic(fromHeic.rawPayload)).toBeUndefined();
    expect((await other.get(r.photos[0]!.url)).statusCode).toBe(404);
    // Without a position, none is kept.
    const plain = await submitMultipart(t.app, resident, fields, []);
    expect(plain.statusCode, plain.body).toBe(201);
    expect((plain.json() as Report).position).toBeNull();
  });

  it('refuses a photo over the limit (413) or of the wrong type (415), and bad fields, keeping nothing', async () => {
    const before = await rows();
    const onDisk = filesUnder(t.filesDir).length;
    const big = { name: 'big.jpg', type: 'image/jpeg', bytes: await oversizedJpeg() };
    const text = { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('这不是照片，只是一段文字。') };
    // A HEIC by its first bytes that holds no image.
    const heic = {
      name: 'IMG_0002.HEIC',
      type: 'image/heic',
      bytes: Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
    };
    const good = { name: 'ok.jpg', type: 'image/jpeg', bytes: await jpegWithGps({ width: 50, height: 50 }) };
    const cases: [Awaited<ReturnType<typeof submitMultipart>>, number, string?][] = [
      [await uploadReportPhoto(t.app, resident, big), 413, 'file_too_large'],
      [await uploadReportPhoto(t.app, resident, text), 415, 'file_type_not_allowed'],
      [await uploadReportPhoto(t.app, resident, heic), 415, 'image_unreadable'],
      [await submitMultipart(t.app, resident, fields, [good, big]), 413, 'file_too_large'],
      // The good photo was stored before the bad one was found: removed again.
      [await submitMultipart(t.app, resident, fields, [good, text]), 415, 'file_type_not_allowed'],
      [await submitMultipart(t.app, resident, fields, [good, heic]), 415, 'image_unreadable'],
      [await submitMultipart(t.app, resident, { ...fields, regionCode: '999999' }, [good]), 422, 'no_such_region'],
      [await submitMultipart(t.app, resident, { ...fields, category: 'noise' }, [good]), 400],
      [await submitMultipart(t.app, resident, { ...fields, lat: 'north' }, [good]), 400],
      [
        await submitMultipart(
          t.app,
          resident,
          fields,
          Array.from({ length: 10 }, () => good),
        ),
        413,
      ],
    ];
    for (const [res, status, reason] of cases) {
      expect(res.statusCode, res.body).toBe(status);
      if (reason) expect(res.json()).toMatchObject({ error: { details: { reason } } });
    }
    expect(await rows()).toEqual(before);
    expect(filesUnder(t.filesDir)).toHaveLength(onDisk);
  });

  it('sweeps uploads never attached once the grace is over, and never attached ones are the uploader’s alone', async () => {
    const res = await uploadReportPhoto(t.app, resident, {
      name: 'a.jpg',
      type: 'image/jpeg',
      bytes: await jpegWithGps({ width: 60, height: 40 }),
    });
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json() as { id: string; url: string };
    expect((await resident.get(url)).statusCode).toBe(200);
    expect((await other.get(url)).statusCode).toBe(404);
    // Another person cannot attach it.
    const taken = await other.post('/api/v1/reports', { ...fields, photoIds: [id] });
    expect(taken.statusCode).toBe(422);
    const clock = freezeClock();
    try {
      const sweep = () => sweepFiles({ db: t.tdb.db, files: t.app.ctx.files });
      expect(await sweep()).toEqual({ ran: true, deleted: 0 });
      clock.advance(UNATTACHED_GRACE_MS + 2 * 3_600_000);
      expect(await sweep()).toEqual({ ran: true, deleted: 1 });
      expect(filesUnder(t.filesDir).some((f) => f.includes(id))).toBe(false);
    } finally {
      clock.restore();
    }
  });

  it('forgets a closing account’s report photos, uploads and positions, keeping its reports', async () => {
    const u = await makeUser(t.tdb.db, { roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }] });
    const bearer = await clientFor(t.app, u.id);
    const bytes = await jpegWithGps({ width: 60, height: 40 });
    const res = await submitMultipart(
      t.app,
      bearer,
      { ...fields, lat: String(JIEFANGBEI.lat), lng: String(JIEFANGBEI.lng) },
      [{ name: 'a.jpg', type: 'image/jpeg', bytes }],
    );
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as Report;
    const pending = await uploadReportPhoto(t.app, bearer, { name: 'b.jpg', type: 'image/jpeg', bytes });
    const ids = [report.photos[0]!.id, (pending.json() as { id: string }).id];
    const self = await new Client(t.app).login(u.username, PASSWORD);
    const closed = await self.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: true });
    expect(closed.statusCode, closed.body).toBe(204);
    expect(await t.tdb.db.selectFrom('files').select('id').where('id', 'in', ids).execute()).toEqual([]);
    expect(filesUnder(t.filesDir).some((f) => ids.some((id) => f.includes(id)))).toBe(false);
    const row = await t.tdb.db
      .selectFrom('reports')
      .select(['photo_ids', 'position_enc', 'text'])
      .where('id', '=', report.id)
      .executeTakeFirst();
    expect(row).toEqual({ photo_ids: '[]', position_enc: null, text: fields.text });
  });

  it('refuses a person’s 21st report and 61st photo in an hour with 429, storing nothing', async () => {
    const u = await userWithRoles(t.app, [{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);
    const small = { name: 's.jpg', type: 'image/jpeg', bytes: await jpegWithGps({ width: 8, height: 8 }) };
    for (let i = 0; i < REPORTS_PER_USER_HOUR; i++)
      expect((await u.post('/api/v1/reports', fields)).statusCode).toBe(201);
    const before = await rows();
    const onDisk = filesUnder(t.filesDir).length;
    for (const res of [await u.post('/api/v1/reports', fields), await submitMultipart(t.app, u, fields, [small])]) {
      expect(res.statusCode, res.body).toBe(429);
      expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    }
    expect(await rows()).toEqual(before);
    expect(filesUnder(t.filesDir)).toHaveLength(onDisk);
    // Someone else still may.
    expect((await other.post('/api/v1/reports', fields)).statusCode).toBe(201);
    // Photos: sixty an hour (attached nine to a report at a time, as at most thirty wait unattached).
    const v = await userWithRoles(t.app, [{ role: 'resident', scopeType: 'system', scopeId: 'system' }]);
    const ids: string[] = [];
    for (let i = 1; i <= REPORT_PHOTOS_PER_USER_HOUR; i++) {
      const res = await uploadReportPhoto(t.app, v, small);
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as { id: string }).id);
      if (i % 9 === 0)
        expect((await v.post('/api/v1/reports', { ...fields, photoIds: ids.splice(0) })).statusCode).toBe(201);
    }
    const full = await rows();
    const refused = await uploadReportPhoto(t.app, v, small);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(await rows()).toEqual(full);
  });
});
