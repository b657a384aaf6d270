import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import exifr from 'exifr';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import type { Actor } from '../../platform/access/policy.js';
import { registerFileOwner, s3Storage, type FileStorage } from '../../platform/files/index.js';
import { openFile, storePhoto } from './files.service.js';

/**
 * Photos kept in an S3-compatible bucket: s3rver, a real S3 server over a folder, run here. What
 * is stored there carries no GPS, and only those the owner's module lets see a file get it.
 */
describe.each(DIALECTS)('photos in an S3 bucket on %s', (dialect) => {
  let tdb: TestDatabase;
  let server: S3rver;
  let files: FileStorage;
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-s3-'));
  let owner: Actor;
  let stranger: Actor;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'photos', configs: [] }],
    });
    const { port } = (await server.run()) as { port: number };
    files = s3Storage({
      maxBytes: 8 * 1024 * 1024,
      driver: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'photos',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    const actor = async (): Promise<Actor> => ({
      userId: (await makeUser(tdb.db)).id,
      via: 'bearer',
      sessionId: null,
      csrfToken: null,
      grants: [],
    });
    owner = await actor();
    stranger = await actor();
    // A kind of file whose module lets only the uploader see it.
    registerFileOwner('s3_test', (_db, actor, file) => Promise.resolve(actor.userId === file.createdBy));
  });
  afterAll(async () => {
    await server.close();
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the re-encoded photo and its thumbnail in the bucket and serves them to the owner only', async () => {
    const ctx = { db: tdb.db, files };
    const stored = await storePhoto(ctx, owner, { kind: 's3_test', id: 'thing-1' }, await jpegWithGps({}));
    const full = await openFile(ctx, owner, stored.id, false);
    const bytes = await buffer(full.stream);
    expect(full.contentType).toBe('image/jpeg');
    expect(bytes.length).toBe(stored.size);
    expect(await exifr.gps(bytes)).toBeUndefined();
    const thumb = await buffer((await openFile(ctx, owner, stored.id, true)).stream);
    expect(thumb.length).toBeLessThan(bytes.length);
    await expect(openFile(ctx, stranger, stored.id, false)).rejects.toMatchObject({ status: 404 });
  });
});
