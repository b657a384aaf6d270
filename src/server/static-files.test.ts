import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { TEST_SECRET } from '../../test/test-app.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { App } from './context.js';

/** The web app's files as the build leaves them: a hashed script with its .br and .gz, and index.html. */
function writeBuild(root: string): string {
  const script = `console.log(${JSON.stringify('善美'.repeat(400))});\n`;
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-AbC123_x.js'), script);
  writeFileSync(join(root, 'assets', 'index-AbC123_x.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets', 'index-AbC123_x.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>善美</title><div id="root"></div>');
  return script;
}

describe('the web app as the server sends it', () => {
  let dir: string;
  let tdb: TestDatabase;
  let app: App;
  let script: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shanmei-web-'));
    script = writeBuild(dir);
    tdb = await createTestDatabase('sqlite');
    app = await buildApp(loadConfig({}, { databaseUrl: tdb.url, secret: TEST_SECRET, webRoot: dir }), tdb);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends hashed assets precompressed, as the browser accepts, cached for a year', async () => {
    const br = await get('/assets/index-AbC123_x.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await get('/assets/index-AbC123_x.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-AbC123_x.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('asks for index.html afresh every time, also where a page of the app falls back to it', async () => {
    for (const url of ['/', '/index.html', '/me/points']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<div id="root">');
    }
  });
});
