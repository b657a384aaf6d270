// `npm run bench [-- --quick] [-- --json <file>]`: Shanmei's figures over real HTTP, each
// next to the raw limit of this machine measured in the same run, as a ratio, with the
// issue's targets said met or missed. SQLite always; PostgreSQL too when DATABASE_URL names
// it (BENCH_DIALECT=sqlite|postgres keeps one). Serves the build (`npm run build:server`,
// which the script runs first). Writes every figure as JSON (bench/out/latest.json unless
// --json says where).
//
//   P1  first check-ins: N volunteers signed up to one running shift each check in once,
//       50 connections; target ≥ 50 % of the lower of "Fastify + one INSERT per request"
//       and the check-in transaction in-process, with p99 < 50 ms
//   P1r repeated check-ins (the same attendance answered again); target ≥ 50 % of a bare route
//   P2  counter redemptions under contention (4 clerks, few wallets and goods, every tenth a
//       repeated key); target ≥ 50 % of the redemption service in-process, zero double spends
//
//   P4  a volunteer register uploaded to a served process and imported there (200,000 CSV rows; the issue's million:
//       --import-rows 1000000) next to a raw bulk insert of the same people; target ≥ 50 % of the raw rate with the server's peak RSS < 300 MB
//
//   S1  the statistics overview (city, district, department, one month) on a generated city
//       of two sizes (1 % and 10 % of Chongqing: 100,000 and 1 million records; or
//       `--stats-db <sqlite file>` twice, seeded beforehand with `shanmei seed --scale`);
//       target p95 < 50 ms, and no slower on the larger (at most 1.25 × the smaller's p95)
//
// Full: P1 and P2 with 1 and 2 server processes (`serve --workers 2`), then start-up,
// registration, scoped lists, scope checks and S1 (SQLite; PostgreSQL too with --stats-pg).
// --quick: 1 process, smaller runs, P1 and P2 only (under two minutes on both dialects).
// --only P1,P4: only those groups (P1 with P1r, P2, S1, P4, F for start-up, registration,
// lists and scope checks), e.g. `npm run bench -- --only P4 --import-rows 1000000`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { checkinBench, rawCheckinRate } from './checkin.js';
import { foundationBench, type Row } from './foundation.js';
import { importBench } from './import.js';
import { redemptionBench } from './redemption.js';
import { scopeBench } from './scope.js';
import { statsBench, statsFigureText, type StatsSize } from './stats.js';
import { fmt, load, statusText } from './lib/load.js';
import {
  benchDialects,
  dropCreatedDatabases,
  freePort,
  freshDatabaseUrl,
  startProcess,
  type Dialect,
} from './lib/server.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').toUpperCase().split(',')) : null;
/** Whether a group of scenarios runs: every group unless --only names some. */
const runs = (group: 'P1' | 'P2' | 'S1' | 'P4' | 'F') => only === null || only.has(group);
const jsonAt = args.includes('--json') ? (args[args.indexOf('--json') + 1] as string) : 'bench/out/latest.json';
const size = quick
  ? { volunteers: 1000, repeatSeconds: 3, redemptions: 1000, workers: [1] }
  : { volunteers: 4000, repeatSeconds: 5, redemptions: 4000, workers: [1, 2] };

interface Figure {
  scenario: string;
  dialect: Dialect | 'any';
  workers: number | null;
  figure: string;
  limit: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
  values: Record<string, number | string | boolean>;
}

const figures: Figure[] = [];
const pct = (r: number | null) => (r === null ? '—' : `${fmt(r * 100)} %`);
const log = (f: Figure) => {
  figures.push(f);
  console.error(
    `  ${f.scenario} [${f.dialect}${f.workers ? `, ${f.workers}w` : ''}] ${f.figure} | ${f.limit} | ${pct(f.ratio)}`,
  );
};

// Raw limits that do not depend on Shanmei: a bare route and one INSERT per request.
const dialects = benchDialects();
const rawDb = dialects.includes('postgres') ? await freshDatabaseUrl('postgres') : null;
const rawPort = await freePort();
const raw = await startProcess(
  ['--import', 'tsx', 'bench/raw/bare-server.ts'],
  rawDb ? { RAW_PG_URL: rawDb } : {},
  rawPort,
  '/health',
);
const insertRps: Partial<Record<Dialect, number>> = {};
let bareRps: number;
try {
  const bare = await load(`${raw.url}/constant`, { connections: 50, seconds: quick ? 3 : 5 });
  bareRps = bare.rps;
  log({
    scenario: 'raw: bare Fastify route',
    dialect: 'any',
    workers: 1,
    figure: `${fmt(bare.rps)} req/s, p99 ${fmt(bare.p99)} ms`,
    limit: '(a limit)',
    ratio: null,
    target: '',
    met: null,
    values: { rps: bare.rps, p99: bare.p99 },
  });
  for (const d of dialects) {
    const r = await load(`${raw.url}/${d === 'sqlite' ? 'insert' : 'insert-pg'}`, {
      connections: 50,
      seconds: quick ? 3 : 5,
      method: 'POST',
    });
    insertRps[d] = r.rps;
    log({
      scenario: 'raw: Fastify + one INSERT per request',
      dialect: d,
      workers: 1,
      figure: `${fmt(r.rps)} req/s, p99 ${fmt(r.p99)} ms`,
      limit: '(a limit)',
      ratio: null,
      target: '',
      met: null,
      values: { rps: r.rps, p99: r.p99 },
    });
  }
} finally {
  await raw.stop();
}

try {
  for (const d of dialects) {
    const txRate = runs('P1') ? await rawCheckinRate(d, size.volunteers) : 0;
    if (runs('P1'))
      log({
        scenario: 'raw: check-in transaction in-process, 16 at a time',
        dialect: d,
        workers: null,
        figure: `${fmt(txRate)} tx/s`,
        limit: '(a limit)',
        ratio: null,
        target: '',
        met: null,
        values: { tps: txRate },
      });
    const p1Limit = Math.min(txRate, insertRps[d] ?? Infinity);
    for (const workers of runs('P1') || runs('P2') ? size.workers : []) {
      if (runs('P1')) {
        const c = await checkinBench(d, { volunteers: size.volunteers, workers, repeatSeconds: size.repeatSeconds });
        const ok = c.first.statuses['201'] === size.volunteers && c.stored === size.volunteers;
        const r1 = c.first.rps / p1Limit;
        log({
          scenario: `P1 first check-ins (${fmt(size.volunteers)} volunteers, 50 connections)`,
          dialect: d,
          workers,
          figure: `${fmt(c.first.rps)} /s, p50 ${fmt(c.first.p50)} ms, p99 ${fmt(c.first.p99)} ms (${statusText(c.first.statuses)}; ${c.stored} stored)`,
          limit: `lower of INSERT ${fmt(insertRps[d] ?? 0)} and transaction ${fmt(txRate)}: ${fmt(p1Limit)} /s`,
          ratio: r1,
          target: '≥ 50 %, p99 < 50 ms',
          met: ok && r1 >= 0.5 && c.first.p99 < 50,
          values: {
            rps: c.first.rps,
            p50: c.first.p50,
            p99: c.first.p99,
            limit: p1Limit,
            stored: c.stored,
            allCreated: ok,
          },
        });
        const r2 = c.repeated.rps / bareRps;
        log({
          scenario: 'P1r repeated check-ins',
          dialect: d,
          workers,
          figure: `${fmt(c.repeated.rps)} /s, p50 ${fmt(c.repeated.p50)} ms, p99 ${fmt(c.repeated.p99)} ms (${statusText(c.repeated.statuses)})`,
          limit: `bare route ${fmt(bareRps)} req/s`,
          ratio: r2,
          target: '≥ 50 %',
          met: r2 >= 0.5 && c.repeated.non2xx === 0,
          values: { rps: c.repeated.rps, p50: c.repeated.p50, p99: c.repeated.p99, limit: bareRps },
        });
      }
      if (runs('P2')) {
        const p = await redemptionBench(d, { requests: size.redemptions, workers, wallets: 10, goods: 5 });
        const doubles = p.orders - p.keys;
        const r3 = p.http.rps / p.raw;
        log({
          scenario: `P2 redemptions (${fmt(size.redemptions)}, 50 connections, 10 wallets × 5 goods, 1 in 10 a repeat)`,
          dialect: d,
          workers,
          figure: `${fmt(p.http.rps)} /s, p50 ${fmt(p.http.p50)} ms, p99 ${fmt(p.http.p99)} ms (${statusText(p.http.statuses)}; ${p.orders} orders for ${p.keys} keys, ${p.consistent ? 'books agree' : 'BOOKS DISAGREE'})`,
          limit: `service in-process ${fmt(p.raw)} /s`,
          ratio: r3,
          target: '≥ 50 %, no double spend',
          met: r3 >= 0.5 && doubles === 0 && p.consistent,
          values: {
            rps: p.http.rps,
            p50: p.http.p50,
            p99: p.http.p99,
            limit: p.raw,
            orders: p.orders,
            keys: p.keys,
            consistent: p.consistent,
          },
        });
      }
    }
    if (!quick && runs('S1') && (d === 'sqlite' || args.includes('--stats-pg'))) {
      const given = args.flatMap((a, i) => (a === '--stats-db' ? [args[i + 1] as string] : []));
      const sizes: StatsSize[] =
        given.length > 0 && d === 'sqlite'
          ? given.map((file) => ({ databaseUrl: `sqlite:${file}` }))
          : [{ fraction: 0.01 }, { fraction: 0.1 }];
      const s = await statsBench(d, sizes, 200);
      for (const f of s) {
        log({
          scenario: `S1 overview: ${f.query}`,
          dialect: d,
          workers: 1,
          figure: `${statsFigureText(f)}${f.seedSeconds === null ? '' : ` (seeded in ${fmt(f.seedSeconds)} s, ${fmt(f.databaseMb ?? 0)} MB)`}`,
          limit: `health route p95 ${fmt(f.healthP95, 1)} ms`,
          ratio: null,
          target: 'p95 < 50 ms',
          met: f.p95 < 50,
          values: { p50: f.p50, p95: f.p95, rps: f.rps, records: f.records },
        });
      }
      const recordsSeen = [...new Set(s.map((f) => f.records))].sort((a, b) => a - b);
      if (recordsSeen.length === 2) {
        const [small, large] = recordsSeen as [number, number];
        for (const query of [...new Set(s.map((f) => f.query))]) {
          const a = s.find((f) => f.query === query && f.records === small);
          const b = s.find((f) => f.query === query && f.records === large);
          if (!a || !b) continue;
          log({
            scenario: `S1 overview at ${fmt(large)} vs ${fmt(small)} records: ${query}`,
            dialect: d,
            workers: 1,
            figure: `p95 ${fmt(b.p95, 1)} ms vs ${fmt(a.p95, 1)} ms`,
            limit: `the smaller's p95`,
            ratio: b.p95 / a.p95,
            target: '≤ 125 % (no slower)',
            met: b.p95 <= a.p95 * 1.25,
            values: { small: a.p95, large: b.p95 },
          });
        }
      }
    }
    if (!quick && runs('P4')) {
      const at = args.indexOf('--import-rows');
      const rows = at >= 0 ? Number(args[at + 1]) : 200_000;
      const p4 = await importBench(d, rows);
      log({
        scenario: `P4 volunteer import (${fmt(p4.rows)} CSV rows, ${fmt(p4.accepted)} accepted)`,
        dialect: d,
        workers: 1,
        figure: `${fmt(p4.importRate)} rows/s, server peak RSS ${fmt(p4.importPeakRssMb)} MB (idle ${fmt(p4.serverIdleRssMb)})`,
        limit: `raw bulk insert ${fmt(p4.rawRate)} rows/s`,
        ratio: p4.importRate / p4.rawRate,
        target: '≥ 50 %, RSS < 300 MB',
        met: p4.importRate / p4.rawRate >= 0.5 && p4.importPeakRssMb < 300,
        values: {
          importRate: p4.importRate,
          rawRate: p4.rawRate,
          peakRssMb: p4.importPeakRssMb,
          idleRssMb: p4.serverIdleRssMb,
        },
      });
    }
    if (!quick && runs('F')) {
      const more: Row[] = [...(await foundationBench(d, bareRps)), ...(await scopeBench(d))];
      for (const r of more) {
        log({
          scenario: r.what,
          dialect: d,
          workers: 1,
          figure: r.figure,
          limit: r.limit,
          ratio: null,
          target: '',
          met: null,
          values: {},
        });
      }
    }
  }
} finally {
  await dropCreatedDatabases();
}

const machine = `${process.platform}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const head = ['scenario', 'db', 'proc', 'Shanmei', 'raw limit (same run)', 'ratio', 'target'];
const rows = figures.map((f) => [
  f.scenario,
  f.dialect,
  f.workers === null ? '' : String(f.workers),
  f.figure,
  f.limit,
  pct(f.ratio),
  f.met === null ? f.target : `${f.target}: ${f.met ? 'met' : 'MISSED'}`,
]);
const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`;
console.log(`\nShanmei benchmark${quick ? ' (quick)' : ''} — ${new Date().toISOString()} — ${machine}\n`);
console.log(line(head));
console.log(line(head.map(() => '---')));
for (const r of rows) console.log(line(r));
mkdirSync(dirname(jsonAt), { recursive: true });
writeFileSync(jsonAt, JSON.stringify({ at: new Date().toISOString(), quick, machine, figures }, null, 2));
console.log(`\n(JSON: ${jsonAt})`);
