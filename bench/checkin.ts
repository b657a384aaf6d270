// Check-in latency over real HTTP: `node --import tsx bench/checkin.ts`.
// Starts the real server (the CLI's `serve`, from source) on a temp SQLite file, and on
// PostgreSQL too when DATABASE_URL names one; writes 1,000 volunteers with approved sign-ups
// for one running shift straight to the database; then checks them all in (and out) with
// plain fetch in parallel batches and prints p50 and p99 per request.
// BENCH_VOLUNTEERS (1000), BENCH_PARALLEL (50; 1 gives the unqueued service time) and
// BENCH_DIALECT (sqlite | postgres: only that one) change the run.
import { JIEFANGBEI } from '../test/activity-factories.js';
import { checkinScene, type CheckinScene } from '../test/load-scenes.js';
import { openBenchDatabase } from './lib/data.js';
import { fmt, percentiles } from './lib/load.js';
import { freshDatabaseUrl, removeDatabase, runOnEachDialect, startShanmei, type Dialect } from './lib/server.js';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 1000);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 50);

type Prepared = CheckinScene;

/** Regions, a team with its admin, one shift running now (capacity for everyone) and the sign-ups. */
async function prepare(url: string): Promise<Prepared> {
  const { database, app } = await openBenchDatabase(url);
  try {
    return await checkinScene(app, VOLUNTEERS);
  } finally {
    await database.close();
  }
}

async function call(base: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const t0 = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { ms: performance.now() - t0, status: res.status, text };
}

/** Every volunteer scans once, PARALLEL at a time; the code is fetched fresh for each batch. */
async function scanAll(base: string, p: Prepared, path: '/api/v1/checkins' | '/api/v1/checkouts') {
  const times: number[] = [];
  const failures = new Map<number, number>();
  const t0 = performance.now();
  for (let i = 0; i < p.volunteerTokens.length; i += PARALLEL) {
    const code = await call(base, p.organiserToken, 'GET', `/api/v1/shifts/${p.shiftId}/checkin-code`);
    const { token } = JSON.parse(code.text) as { token: string };
    const batch = p.volunteerTokens.slice(i, i + PARALLEL);
    const results = await Promise.all(
      batch.map((vt) =>
        call(base, vt, 'POST', path, { token, lat: JIEFANGBEI.lat, lng: JIEFANGBEI.lng, accuracyM: 25 }),
      ),
    );
    for (const r of results) {
      times.push(r.ms);
      if (r.status >= 300) failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
    }
  }
  return { ...percentiles(times), seconds: (performance.now() - t0) / 1000, failures };
}

async function benchDialect(dialect: Dialect): Promise<string[]> {
  const url = await freshDatabaseUrl(dialect);
  const tp = performance.now();
  const p = await prepare(url);
  const prepSeconds = (performance.now() - tp) / 1000;
  console.error(`[${dialect}] prepared ${VOLUNTEERS} volunteers in ${fmt(prepSeconds, 1)} s`);
  const server = await startShanmei(url, { fromSource: true });
  const lines: string[] = [];
  try {
    // warm-up: a few requests so JIT and pools are ready (the same shift, a wrong code is refused fast)
    for (let i = 0; i < 20; i++)
      await call(server.url, p.organiserToken, 'GET', `/api/v1/shifts/${p.shiftId}/checkin-code`);
    for (const path of ['/api/v1/checkins', '/api/v1/checkouts'] as const) {
      const r = await scanAll(server.url, p, path);
      const bad = [...r.failures].map(([s, n]) => `${n}× ${s}`).join(', ') || 'none';
      lines.push(
        `[${dialect}] ${path.slice(8)}: ${VOLUNTEERS} over HTTP, ${PARALLEL} in parallel — p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, ${fmt(VOLUNTEERS / r.seconds)} /s, failures: ${bad}`,
      );
      console.log(lines[lines.length - 1]);
    }
    lines.push(
      `[${dialect}] (setup of ${VOLUNTEERS} volunteers with sign-ups: ${fmt(prepSeconds, 1)} s, not measured above)`,
    );
  } finally {
    await server.stop();
    await removeDatabase(url);
  }
  return lines;
}

await runOnEachDialect('Check-in benchmark', benchDialect);
