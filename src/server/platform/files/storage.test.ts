import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStorage, s3Storage, type FileStorage } from './index.js';

/**
 * The same behaviour from both storages: the local folder, and an S3-compatible server run here
 * (s3rver, an S3 API over a folder: a real HTTP server speaking S3, not a mock of the client).
 */
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
let s3: S3rver | null = null;
let endpoint = '';

beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: tempDir('shanmei-s3-'),
    configureBuckets: [{ name: 'shanmei-test', configs: [] }],
  });
  const { port } = (await s3.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const storages: [string, () => FileStorage][] = [
  ['local disk', () => localStorage(tempDir('shanmei-files-'))],
  [
    's3',
    () =>
      s3Storage({
        maxBytes: 1024,
        driver: 's3',
        endpoint,
        region: 'us-east-1',
        bucket: 'shanmei-test',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      }),
  ],
];

describe.each(storages)('file storage on %s', (_name, make) => {
  it('puts, gets and deletes a file; a missing one is null, deleting it twice is no error', async () => {
    const store = make();
    await store.put('need_photo/abc-123', Buffer.from('照片的字节'), 'image/jpeg');
    const got = await store.get('need_photo/abc-123');
    expect(got).not.toBeNull();
    expect(await text(got!)).toBe('照片的字节');
    expect(await store.get('need_photo/nothing-here')).toBeNull();
    await store.delete('need_photo/abc-123');
    await store.delete('need_photo/abc-123');
    expect(await store.get('need_photo/abc-123')).toBeNull();
  });

  it('refuses keys that could climb out of the folder or bucket', async () => {
    const store = make();
    for (const key of ['../secret', 'need_photo/../../x', '/etc/passwd', 'a//b', '']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/bad file key/);
    }
  });
});

describe('local file storage', () => {
  it('leaves no temporary file behind', async () => {
    const dir = tempDir('shanmei-files-');
    const store = localStorage(dir);
    await store.put('need_photo/one', Buffer.alloc(10), 'image/png');
    expect(readdirSync(join(dir, 'need_photo'))).toEqual(['one']);
  });
});
