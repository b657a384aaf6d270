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
    const rows = Array.from({ length: 1_100 }, (_, i) => person(`乙${i}`));
    const path = join(mkdtempSync(join(tmpdir(), 'shanmei-import-')), 'register.csv');
    writeFileSync(path, csvFile([HEADER, ...rows]).bytes);
    const grants = [{ role: 'region_admin' as const, scope_type: 'region' as const, scope_id: REGIONS.city }];
    const actor = { userId: adminId, via: 'session' as const, sessionId: null, csrfToken: null, grants };
    const { id } = await createImport(t.app.ctx, actor, { kind: 'volunteers', allOrNothing: false }, { path });
    const queued = (await admin.get(`/api/v1/imports/${id}`)).json() as ImportView;
    expect(queued).toMatchObject({ status: 'queued', progress: null });
    // Stopped after its first batch of 500 rows, as a process on SIGTERM.
    await runImport(t.app.ctx, id, 'first', undefined, () => true);
    const running = (await admin.get(`/api/v1/imports/${id}`)).json() as ImportView;
    expect(running).toMatchObject({ status: 'running', done: 500 });
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(1);
    await runImport(t.app.ctx, id, 'second');
    expect((await admin.get(`/api/v1/imports/${id}`)).json()).toMatchObject({ status: 'done', progress: 1 });
  });
});
