// Redemptions per second over real HTTP under contention: `node --import tsx bench/redemption.ts`.
// Starts the built server (`bin/shanmei.js serve`; run `npm run build:server` first, or set
// BENCH_FROM_SOURCE=1 to serve from source) on a temp SQLite file, and on PostgreSQL too when
// DATABASE_URL names one. Writes one supermarket, its clerks, a few funded wallets and goods
// straight to the database, then lets BENCH_PARALLEL clients (50) redeem as fast as the
// server answers: every request a fresh member code and idempotency key, all against the
// same supermarket account and few wallets and goods, so every one waits for the locks.
// Two scenarios: 10 wallets × 5 goods, and 2 wallets × 1 goods (the worst case).
// BENCH_REQUESTS (3000 per scenario), BENCH_DIALECT (sqlite | postgres) change the run.
// Rate limits are off in the served process (SHANMEI_RATE_LIMITS=off), as for any load test.
import { randomBytes } from 'node:crypto';
import { storeConsistency, supermarketScene, type StoreScene } from '../test/load-scenes.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { openDatabase } from '../src/server/db/database.js';
import { issueMemberCode } from '../src/server/platform/codes.js';
import { openBenchDatabase } from './lib/data.js';
import { fmt, percentiles } from './lib/load.js';
import {
  BENCH_SECRET,
  freshDatabaseUrl,
  removeDatabase,
  runOnEachDialect,
  startShanmei,
  type Dialect,
} from './lib/server.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 50);
const SCENARIOS = [
  { wallets: 10, goods: 5 },
  { wallets: 2, goods: 1 },
];

type Scene = StoreScene;

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** One supermarket with 4 clerks, funded wallets and well-stocked goods, per scenario. */
async function prepare(url: string): Promise<Scene[]> {
  const { database, app } = await openBenchDatabase(url);
  try {
    const scenes: Scene[] = [];
    for (const [n, s] of SCENARIOS.entries()) {
      scenes.push(await supermarketScene(app, { name: `积分超市 ${n + 1}`, clerks: 4, ...s, birthYear: 1970 + n }));
    }
    return scenes;
  } finally {
    await database.close();
  }
}

/** PARALLEL closed-loop clients share REQUESTS redemptions; each a fresh code and key. */
async function run(base: string, s: Scene, cipher: PersonalDataCipher) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      const goods = [...new Set([pick(s.goods), pick(s.goods)])];
      const body = {
        memberCode: issueMemberCode(cipher, pick(s.wallets), 30).token,
        items: goods.map((goodsId) => ({ goodsId, qty: 1 })),
        idempotencyKey: `bench-${randomBytes(9).toString('base64url')}`,
      };
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/supermarkets/${s.siteId}/redemptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pick(s.clerkTokens)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.text();
      times.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { ...percentiles(times), seconds, statuses };
}

/** After the run: orders, ledger and stock still agree (a benchmark that corrupts proves nothing). */
async function check(url: string, s: Scene): Promise<string> {
  const database = openDatabase(url);
  try {
    const r = await storeConsistency(database.db, s.siteId);
    return `${r.orders} orders, ${r.ok ? 'ledger and stock consistent' : 'INCONSISTENT'}`;
  } finally {
    await database.close();
  }
}

async function benchDialect(dialect: Dialect): Promise<string[]> {
  const url = await freshDatabaseUrl(dialect);
  const scenes = await prepare(url);
  const server = await startShanmei(url);
  const built = !server.fromSource;
  const cipher = new PersonalDataCipher(BENCH_SECRET);
  const lines: string[] = [];
  try {
    for (const [i, s] of scenes.entries()) {
      const sc = SCENARIOS[i] as { wallets: number; goods: number };
      const r = await run(server.url, s, cipher);
      const codes = [...r.statuses].map(([k, n]) => `${n}× ${k}`).join(', ');
      lines.push(
        `[${dialect}${built ? '' : ', from source'}] ${REQUESTS} redemptions, ${PARALLEL} clients, one supermarket, ` +
          `${sc.wallets} wallets × ${sc.goods} goods: ${fmt(REQUESTS / r.seconds)} /s, p50 ${fmt(r.p50, 1)} ms, ` +
          `p99 ${fmt(r.p99, 1)} ms (${codes}; ${await check(url, s)})`,
      );
      console.log(lines[lines.length - 1]);
    }
  } finally {
    await server.stop();
    await removeDatabase(url);
  }
  return lines;
}

await runOnEachDialect('Redemption benchmark', benchDialect);
