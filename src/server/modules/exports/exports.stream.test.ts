import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, makeUser, REGIONS } from '../../../../test/factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { ExportQuery } from '../../../common/contract/exports.js';
import { newId, nowIso } from '../../ids.js';
import { actingAdmin } from '../../../cli/acting-admin.js';
import { exportTable } from './exports.service.js';
import { auditOf, recordsOf } from './exports.test-helpers.js';

const SITES = 3000;

describe.each(DIALECTS)('a large export on %s', (dialect) => {
  let t: TestApp;
  let admin: { id: string; username: string; password: string };

  /** `n` sites in 渝中区, written in bulk: the export, not the set-up, is under test. */
  async function addSites(n: number, name: string): Promise<void> {
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
        id: newId(),
        name: `${name}${i + j}`,
        type: 'practice_point' as const,
        region_code: REGIONS.jiefangbei,
        address: '解放碑',
        lat: 29.55,
        lng: 106.57,
        organisation_id: null,
        opening_hours: null,
        facilities: '[]',
        accessibility: null,
        status: 'active' as const,
        created_at: nowIso(),
      }));
      await t.tdb.db.insertInto('sites').values(rows).execute();
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    admin = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    await addSites(SITES, '站');
  });
  afterAll(() => t.close());

  const actorOf = async () => (await actingAdmin(t.tdb.db, admin.username)) ?? expect.unreachable('no admin');

  it('reads in batches while the file flows: a row added after the first bytes still arrives, in order', async () => {
    let counted = -1;
    const file = await exportTable(t.app.ctx, await actorOf(), 'sites', ExportQuery.parse({ format: 'csv' }), {
      batch: 500,
      onDone: (rows) => (counted = rows),
    });
    const chunks: Buffer[] = [];
    const reader = file.stream[Symbol.asyncIterator]();
    const first = await reader.next();
    chunks.push(first.value as Buffer);
    // The client has the first bytes; the reading stops where the buffers are full. A site added
    // now sorts last (ids are time-ordered), so it is in the file only if its batch is read later.
    await addSites(1, '后来');
    for (let next = await reader.next(); !next.done; next = await reader.next()) chunks.push(next.value as Buffer);
    const rows = parse(Buffer.concat(chunks).toString('utf8').slice(1)) as string[][];
    const ids = rows.slice(1).map((r) => r[r.length - 1] ?? '');
    expect(ids).toHaveLength(SITES + 1);
    expect(ids).toEqual([...ids].sort());
    expect(rows[rows.length - 1]?.[0]).toBe('后来0');
    expect(counted).toBe(SITES + 1);
  });

  it.each(['csv', 'xlsx'] as const)(
    'stops reading when the %s download is abandoned, and audits what had gone out',
    async (format) => {
      const before = (await auditOf(t, admin.id, 'export.download')).length;
      const file = await exportTable(t.app.ctx, await actorOf(), 'sites', ExportQuery.parse({ format }), {
        batch: 200,
      });
      await file.stream[Symbol.asyncIterator]().next();
      file.stream.destroy();
      // The audit entry is the last thing the reading does: wait for it, never for a time.
      await expect.poll(async () => (await auditOf(t, admin.id, 'export.download')).length).toBe(before + 1);
      const [last] = (await auditOf(t, admin.id, 'export.download')).slice(-1);
      expect(last?.parsed).toMatchObject({ kind: 'sites', complete: false });
      expect(last?.parsed.rows).toBeLessThan(SITES);
    },
  );

  it('sends every row of a few thousand as .xlsx over HTTP, in order, and audits the count', async () => {
    const client = await new Client(t.app).login(admin.username, admin.password);
    const rows = await recordsOf(await client.get('/api/v1/exports/sites?format=xlsx'));
    expect(rows.length).toBeGreaterThanOrEqual(SITES);
    const ids = rows.map((r) => r.编号 ?? '');
    expect(ids).toEqual([...ids].sort());
    const audit = await auditOf(t, admin.id, 'export.download');
    expect(audit.map((a) => a.parsed.rows)).toContain(rows.length);
  });
});
