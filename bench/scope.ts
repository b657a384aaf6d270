import { sql } from 'kysely';
import type { OrgKind, OrgLevel } from '../src/common/enums.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { newId } from '../src/server/ids.js';
import { Policy, type Actor } from '../src/server/platform/access/policy.js';
import { insertOrganisation } from '../src/server/modules/organisations/organisations.repository.js';
import { insertRegions } from '../src/server/modules/regions/regions.repository.js';
import type { Row } from './foundation.js';
import { fmt, load, percentiles } from './lib/load.js';
import { BENCH_SECRET, freePort, freshDatabaseUrl, type Dialect } from './lib/server.js';

const SHAPE = { departments: 10, districts: 40, towns: 10, communities: 9 } as const;

/**
 * Scope checks on a tree of 40,000+ organisations (10 departments × 40 districts × 10 towns
 * × 9 communities): "may this team admin act on that community" and "everything under this
 * district", next to a primary-key look-up on the same database as the raw limit.
 */
export async function scopeBench(dialect: Dialect): Promise<Row[]> {
  const url = await freshDatabaseUrl(dialect);
  const database = openDatabase(url);
  const db = database.db;
  await migrateToLatest(db);
  await insertRegions(db, [{ code: '500000', name: '重庆市', level: 'city', parent_code: null, kind: 'division' }]);
  const t0 = performance.now();
  let district = '';
  let community = '';
  let count = 0;
  await db.transaction().execute(async (trx) => {
    const make = (name: string, kind: OrgKind, level: OrgLevel, parentId: string | null) => {
      count += 1;
      return insertOrganisation(trx, {
        id: newId(),
        name,
        kind,
        level,
        regionCode: '500000',
        parentId,
        departmentId: null,
        fields: [],
      });
    };
    for (let d = 0; d < SHAPE.departments; d++) {
      const dept = await make(`部门${d}`, 'department', 'city', null);
      for (let i = 0; i < SHAPE.districts; i++) {
        const dist = await make(`区队${d}-${i}`, 'team', 'district', dept);
        if (!district) district = dist;
        for (let j = 0; j < SHAPE.towns; j++) {
          const town = await make(`街道队${d}-${i}-${j}`, 'team', 'town', dist);
          for (let k = 0; k < SHAPE.communities; k++) {
            const c = await make(`社区队${d}-${i}-${j}-${k}`, 'team', 'community', town);
            if (!community) community = c;
          }
        }
      }
    }
  });
  const buildS = (performance.now() - t0) / 1000;
  const rows: Row[] = [
    {
      what: `[${dialect}] build a tree of ${fmt(count)} organisations with closure rows`,
      figure: `${fmt(buildS, 1)} s`,
      limit: '',
    },
  ];
  const actor: Actor = {
    userId: 'bench',
    via: 'bearer',
    sessionId: null,
    csrfToken: null,
    grants: [{ role: 'team_admin', scope_type: 'organisation', scope_id: district }],
  };
  const policy = new Policy(db);
  const timeIt = async (n: number, f: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f();
      ms.push(performance.now() - s);
    }
    return percentiles(ms);
  };
  const check = await timeIt(2000, async () => {
    if (!(await policy.adminsOrganisation(actor, community))) throw new Error('scope check failed');
  });
  const pk = await timeIt(2000, () => sql`select id from organisations where id = ${community}`.execute(db));
  rows.push({
    what: `[${dialect}] scope check: team admin of a district → one of its communities`,
    figure: `p50 ${fmt(check.p50, 3)} ms, p99 ${fmt(check.p99, 3)} ms`,
    limit: `one primary-key look-up: p50 ${fmt(pk.p50, 3)} ms`,
  });

  const config = loadConfig(
    { LOG_LEVEL: 'warn', SHANMEI_RATE_LIMITS: 'off', SHANMEI_JOBS: 'off' },
    {
      databaseUrl: url,
      secret: BENCH_SECRET,
      webRoot: undefined,
    },
  );
  const app = await buildApp(config, database);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const r = await load(`http://127.0.0.1:${port}/api/v1/organisations?under=${district}&limit=50`, {
      connections: 20,
      seconds: 5,
    });
    if (r.non2xx || r.errors) throw new Error(`under-list: ${r.non2xx} non-2xx, ${r.errors} errors`);
    rows.push({
      what: `[${dialect}] GET organisations under a district (${SHAPE.towns * (SHAPE.communities + 1) + 1} of them), page of 50`,
      figure: `${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} / p99 ${fmt(r.p99)} ms`,
      limit: 'bare route: see the first row',
    });
  } finally {
    await app.close();
    await database.close();
  }
  return rows;
}
