import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makePhone,
  makeRegions,
  makeResidentId,
  makeUser,
  makeVolunteer,
  REGIONS,
} from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import type { ImportView } from '../../../common/contract/imports.js';
import { csvFile, importFile } from './imports.test-helpers.js';
import { runImport } from './imports.run.js';
import { createImport } from './imports.service.js';
import { runImportInThread } from './imports.thread-runner.js';
import { settleImports } from './imports.worker.js';

const HEADER = ['姓名*', '证件类型*', '证件号码*', '手机号*', '所属区域*'];
const person = (name: string) => [name, '居民身份证', makeResidentId(), makePhone(), REGIONS.jiefangbei];

describe.each(DIALECTS)('following imports on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  let otherAdmin: Client;
  let volunteer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    const roles = [{ role: 'region_admin' as const, scopeType: 'region' as const, scopeId: REGIONS.city }];
    const a = await makeUser(t.tdb.db, { roles });
    adminId = a.id;
    admin = await new Client(t.app).login(a.username, a.password);
    const b = await makeUser(t.tdb.db, { roles });
    otherAdmin = await new Client(t.app).login(b.username, b.password);
    const v = await makeVolunteer(t.app);
    volunteer = await new Client(t.app).login(v.phone, v.password);
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  /** A queued import of `count` people from a file on disk. */
  async function queued(count: number, prefix: string): Promise<string> {
    const rows = Array.from({ length: count }, (_, i) => person(`${prefix}${i}`));
    const path = join(mkdtempSync(join(tmpdir(), 'shanmei-import-')), 'register.csv');
    writeFileSync(path, csvFile([HEADER, ...rows]).bytes);
    const grants = [{ role: 'region_admin' as const, scope_type: 'region' as const, scope_id: REGIONS.city }];
    const actor = { userId: adminId, via: 'session' as const, sessionId: null, csrfToken: null, grants };
    return (await createImport(t.app.ctx, actor, { kind: 'volunteers', allOrNothing: false }, { path })).id;
  }
  const view = async (id: string) => (await admin.get(`/api/v1/imports/${id}?lang=en`)).json() as ImportView;

  it("lists the caller's latest imports, newest first, done ones at progress 1", async () => {
    const first = await importFile(admin, csvFile([HEADER, person('甲一')]));
    const second = await importFile(admin, csvFile([HEADER, person('甲二'), ['甲三', '居民身份证', '1', '2', '3']]));
    const res = await admin.get('/api/v1/imports?lang=en');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: ImportView[] }).items;
    expect(items.map((i) => i.id)).toEqual([second.state?.id, first.state?.id]);
    expect(items[0]).toMatchObject({ kind: 'volunteers', status: 'done', accepted: 1, rejected: 1, progress: 1 });
    expect(items[0]?.reportUrl).toBe(`/api/v1/imports/${second.state?.id}/report`);
    // Another admin's list holds none of them; someone with no region duty may not ask.
    expect((await otherAdmin.get('/api/v1/imports')).json()).toEqual({ items: [] });
    expect((await volunteer.get('/api/v1/imports')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/api/v1/imports')).statusCode).toBe(401);
  });

  it('says how much of the file a running import has handled', async () => {
    const id = await queued(1_100, '乙');
    const waiting = (await admin.get(`/api/v1/imports/${id}`)).json() as ImportView;
    expect(waiting).toMatchObject({ status: 'queued', progress: null });
    // Stopped after its first batch of 500 rows, as a process on SIGTERM.
    await runImport(t.app.ctx, id, 'first', undefined, () => true);
    const running = (await admin.get(`/api/v1/imports/${id}`)).json() as ImportView;
    expect(running).toMatchObject({ status: 'running', done: 500 });
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(1);
    await runImport(t.app.ctx, id, 'second');
    expect((await admin.get(`/api/v1/imports/${id}`)).json()).toMatchObject({ status: 'done', progress: 1 });
  });

  it('stops after a batch when asked and resumes where it stopped when run again', async () => {
    const id = await queued(1_100, '丙');
    const heard: number[] = [];
    // Asked to stop before it starts: it ends after its first batch of 500, as on SIGTERM.
    const stopped = await runImportInThread(t.app.ctx, id, 'first', {
      signal: AbortSignal.abort(),
      onProgress: (p) => heard.push(p.done),
    });
    expect(heard).toEqual([500]);
    expect(stopped).toMatchObject({ status: 'running', done: 500, accepted: 500 });
    expect(await view(id)).toMatchObject({ status: 'running', done: 500 });
    // The next process (another holder) resumes after the committed rows.
    const ended = await runImportInThread(t.app.ctx, id, 'second');
    expect(ended).toMatchObject({ status: 'done', done: 1_100, accepted: 1_100, rejected: 0 });
    expect(await view(id)).toMatchObject({ status: 'done', progress: 1, accepted: 1_100 });
  });

  it('marks an import whose thread runs out of memory failed, saying so, and frees it', async () => {
    const id = await queued(10, '丁');
    // A heap far too small to even load the importer.
    const ended = await runImportInThread(t.app.ctx, id, 'tiny', {
      limits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    });
    expect(ended?.status).toBe('failed');
    const failed = await view(id);
    expect(failed).toMatchObject({ status: 'failed', failure: { reason: 'out_of_memory' } });
    expect(failed.failure?.message).toMatch(/memory/);
    // Failed is final: a later run leaves it as it is.
    expect(await runImportInThread(t.app.ctx, id, 'again')).toMatchObject({ status: 'failed' });
  });

  it('runs two imports at once, each in its own thread', async () => {
    const [a, b] = [await queued(600, '戊'), await queued(700, '己')];
    const ended = await Promise.all([runImportInThread(t.app.ctx, a, 'x'), runImportInThread(t.app.ctx, b, 'y')]);
    expect(ended.map((e) => [e?.status, e?.accepted])).toEqual([
      ['done', 600],
      ['done', 700],
    ]);
  });
});
