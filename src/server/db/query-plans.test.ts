/**
 * The hot queries at city scale walk an index, on both dialects: each test runs the real
 * repository or service call against a traced handle, then asks the database for the plan of
 * every query it sent. PostgreSQL is told to avoid sequential scans, so a plan without the
 * index means the index cannot serve the query (on a small table it would otherwise prefer a
 * scan); SQLite without statistics plans as for a large table.
 */
import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, REGIONS } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DIALECTS } from '../../../test/test-db.js';
import type { Db } from './database.js';
import { isPostgres } from '../platform/db.js';
import { listVolunteers } from '../modules/volunteers/volunteers.repository.js';
import { overview, today } from '../modules/stats/stats.service.js';
import { listRecords } from '../modules/records/records.repository.js';

/** Keeps every query a handle sends, as operation trees. */
class Trace implements KyselyPlugin {
  readonly nodes: RootOperationNode[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push(args.node);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The plans of every query `run` sends, one text. */
async function plansOf(db: Db, run: (traced: Db) => Promise<unknown>): Promise<string> {
  const trace = new Trace();
  await run(db.withPlugin(trace));
  const compiled = trace.nodes.map((n, i) => db.getExecutor().compileQuery(n, { queryId: `plan-${i}` }));
  if (!isPostgres(db)) {
    const plans: string[] = [];
    for (const c of compiled) {
      const r = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${c.sql}`, [...c.parameters]),
      );
      plans.push(r.rows.map((row) => row.detail).join('\n'));
    }
    return plans.join('\n---\n');
  }
  return db.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
    const plans: string[] = [];
    for (const c of compiled) {
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]),
      );
      plans.push(r.rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
    return plans.join('\n---\n');
  });
}

/** A full scan of `table` (or its alias) in either dialect's words. */
const fullScanOf = (plan: string, name: string) =>
  new RegExp(`^\\s*(SCAN ${name}\\b(?! USING)|.*Seq Scan on ${name}\\b)`, 'm').test(plan);

describe.each(DIALECTS)('query plans on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  it('a name search in a district walks the name index in its order', async () => {
    const plan = await plansOf(t.tdb.db, (db) =>
      listVolunteers(db, {
        regionCode: REGIONS.yuzhong,
        search: { namePrefix: '张' },
        afterId: null,
        limit: 21,
      }),
    );
    expect(plan).toMatch(/volunteers_name/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|Sort Key/);
  });

  it("a district's list walks the volunteers in id order, a street's joins its few and sorts them", async () => {
    const list = (regionCode: string) => (db: Db) => listVolunteers(db, { regionCode, afterId: null, limit: 21 });
    const district = await plansOf(t.tdb.db, list(REGIONS.yuzhong));
    // PostgreSQL turns the region check into a semi-join and chooses by cost (on these few rows it
    // sorts; whether it walks the ids on a city's is not measured here); SQLite's plan follows
    // the query's shape.
    if (dialect === 'sqlite') {
      expect(district).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      expect(district).not.toMatch(/volunteers_region/);
    }
    const street = await plansOf(t.tdb.db, list(REGIONS.jiefangbei));
    expect(street).toMatch(/volunteers_region/);
  });

  it('the overview reads the kept statistics by key, never the records', async () => {
    const plan = await plansOf(t.tdb.db, (db) => overview(db, { regionCode: REGIONS.yuzhong }));
    expect(plan).toMatch(/stats_flows_pk|stats_flows_field|sqlite_autoindex_stats_flows/);
    expect(plan).toMatch(/stats_stock_pk|sqlite_autoindex_stats_stock/);
    expect(plan).not.toMatch(/service_records|point_earnings|redemptions/);
    expect(fullScanOf(plan, 'stats_flows')).toBe(false);
    // Each grain's periods are searched by key, not every period the region ever had.
    if (dialect === 'sqlite')
      expect(plan).not.toMatch(/stats_flows USING INDEX \S+ \(region_code=\? AND department_id=\?\)/);
  });

  it("today's check-ins read the attendance by check-in time", async () => {
    const plan = await plansOf(t.tdb.db, (db) => today(db, { regionCode: REGIONS.yuzhong }));
    expect(plan).toMatch(/attendance_checked_in/);
    expect(fullScanOf(plan, 'at')).toBe(false);
  });

  it("a volunteer's records are read through the volunteer's index", async () => {
    const plan = await plansOf(t.tdb.db, (db) => listRecords(db, { volunteerId: 'v-1' }, undefined, 21));
    expect(plan).toMatch(/records_volunteer/);
    expect(fullScanOf(plan, 'service_records')).toBe(false);
  });
});
