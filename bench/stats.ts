/**
 * The statistics at city scale: a generated city (`seed --scale`, some share of Chongqing) and
 * the overview asked for the city, a district, a department and one month, over HTTP, 4 at a
 * time, next to the same server's health route at the same concurrency as the raw limit. The
 * overview reads kept statistics, so its time should not grow with the records: the bench runs
 * it on two sizes (or on databases seeded beforehand, `--stats-db <sqlite file>`).
 */
import { statSync } from 'node:fs';
import { addDays } from '../src/common/zoned-time.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { seedScale } from '../src/server/modules/demo/scale/scale.generate.js';
import { fmt } from './lib/load.js';
import { BENCH_SECRET, freshDatabaseUrl, removeDatabase, startShanmei, type Dialect } from './lib/server.js';

export interface StatsSize {
  /** A share of the city to generate, or a database seeded beforehand. */
  fraction?: number;
  databaseUrl?: string;
}

export interface StatsFigure {
  query: string;
  records: number;
  seedSeconds: number | null;
  databaseMb: number | null;
  p50: number;
  p95: number;
  rps: number;
  healthP95: number;
}

/** p50, p95 and the rate of `n` GETs of `url`, `concurrency` at a time. */
async function timed(url: string, n: number, concurrency: number) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        const s = performance.now();
        const r = await fetch(url);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = times.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), rps: n / seconds };
}

export async function statsBench(dialect: Dialect, sizes: StatsSize[], requests: number): Promise<StatsFigure[]> {
  const out: StatsFigure[] = [];
  for (const size of sizes) {
    const url = size.databaseUrl ?? (await freshDatabaseUrl(dialect));
    let seedSeconds: number | null = null;
    const database = openDatabase(url);
    let asOf: string;
    try {
      await migrateToLatest(database.db);
      if (size.fraction !== undefined) {
        const config = loadConfig({ ...process.env, DATABASE_URL: url, SHANMEI_SECRET: BENCH_SECRET });
        const t0 = performance.now();
        const r = await seedScale(database, config, { fraction: size.fraction, log: () => undefined });
        seedSeconds = (performance.now() - t0) / 1000;
        asOf = r.summary.asOf;
      } else {
        const latest = await database.db
          .selectFrom('service_records')
          .select((eb) => eb.fn.max('service_date').as('day'))
          .executeTakeFirst();
        asOf = String(latest?.day ?? new Date().toISOString().slice(0, 10));
      }
    } finally {
      await database.close();
    }
    const counted = openDatabase(url);
    const records = Number(
      (
        await counted.db
          .selectFrom('service_records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const department = await counted.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'department')
      .orderBy('id')
      .executeTakeFirst();
    await counted.close();
    const databaseMb = url.startsWith('sqlite:') ? statSync(url.slice('sqlite:'.length)).size / 2 ** 20 : null;
    const server = await startShanmei(url);
    try {
      const last = addDays(asOf, -1);
      const year = `from=${addDays(asOf, -365)}`;
      const month = `${last.slice(0, 7)}-01`;
      const queries: [string, string][] = [
        ['the city, the generated year', `${year}&to=${last}`],
        ['a district (渝中区), the year', `regionCode=500103&${year}&to=${last}`],
        ['a department, the year', `departmentId=${department?.id ?? ''}&${year}&to=${last}`],
        ['the city, one month', `from=${month}&to=${last}`],
      ];
      const health = await timed(`${server.url}/api/v1/health`, requests, 4);
      for (const [query, qs] of queries) {
        // Warm once (the first answer compiles statements), then measure.
        await timed(`${server.url}/api/v1/stats/overview?${qs}`, 8, 1);
        const t = await timed(`${server.url}/api/v1/stats/overview?${qs}`, requests, 4);
        out.push({ query, records, seedSeconds, databaseMb, ...t, healthP95: health.p95 });
      }
    } finally {
      await server.stop();
      if (!size.databaseUrl) await removeDatabase(url);
    }
  }
  return out;
}

export const statsFigureText = (f: StatsFigure): string =>
  `p50 ${fmt(f.p50, 1)} ms, p95 ${fmt(f.p95, 1)} ms, ${fmt(f.rps)} /s at ${fmt(f.records)} records`;
