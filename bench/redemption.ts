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
import { clientFor } from '../test/activity-factories.js';
import { makeRegions, makeUser, makeVolunteer } from '../test/factories.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { openDatabase, toNumber } from '../src/server/db/database.js';
import { newId, nowIso } from '../src/server/ids.js';
import { issueMemberCode } from '../src/server/platform/codes.js';
import { postTransaction, walletOf } from '../src/server/modules/points/ledger.js';
import { insertSite } from '../src/server/modules/sites/sites.repository.js';
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

interface Scene {
  siteId: string;
  clerkTokens: string[];
  wallets: string[];
  goods: string[];
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** One supermarket with 4 clerks, funded wallets and well-stocked goods, per scenario. */
async function prepare(url: string): Promise<Scene[]> {
  const { database, app } = await openBenchDatabase(url);
  try {
    const db = database.db;
    await makeRegions(db);
    const scenes: Scene[] = [];
    for (const [n, s] of SCENARIOS.entries()) {
      const siteId = await insertSite(db, {
        name: `积分超市 ${n + 1}`,
        type: 'supermarket',
        regionCode: '500103003',
        address: '渝中区解放碑',
        lat: 29.5576,
        lng: 106.5774,
        organisationId: null,
      });
      const clerkTokens: string[] = [];
      for (let i = 0; i < 4; i++) {
        const u = await makeUser(db, { roles: [{ role: 'clerk', scopeType: 'site', scopeId: siteId }] });
        clerkTokens.push((await clientFor(app, u.id)).token);
      }
      const wallets: string[] = [];
      for (let i = 0; i < s.wallets; i++) {
        const birthDate = new Date(Date.UTC(1970, 0, 1) + (n * 100 + i) * 86_400_000).toISOString().slice(0, 10);
        const v = await makeVolunteer(app, { birthDate });
        await db.transaction().execute((trx) =>
          postTransaction(trx, {
            kind: 'adjust',
            idempotencyKey: `bench-fund:${v.id}`,
            source: 'adjustment',
            postings: [
              { account: walletOf(v.id), amount: 100_000_000 },
              { account: { kind: 'system', ownerId: 'city' }, amount: -100_000_000 },
            ],
          }),
        );
        wallets.push(v.id);
      }
      const goods: string[] = [];
      for (let i = 0; i < s.goods; i++) {
        const id = newId();
        const now = nowIso();
        await db
          .insertInto('goods')
          .values({
            id,
            site_id: siteId,
            name: `商品 ${i + 1}`,
            points: 1 + i,
            stock: 1_000_000,
            limit_per_person: null,
            limit_period: null,
            donor: null,
            image_url: null,
            active: 1,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await db
          .insertInto('stock_movements')
          .values({
            id: newId(),
            goods_id: id,
            site_id: siteId,
            delta: 1_000_000,
            kind: 'initial',
            reason: 'bench',
            redemption_id: null,
            actor_user_id: null,
            stock_after: 1_000_000,
            created_at: now,
          })
          .execute();
        goods.push(id);
      }
      scenes.push({ siteId, clerkTokens, wallets, goods });
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
    const db = database.db;
    const orders = await db
      .selectFrom('redemptions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('p')])
      .where('site_id', '=', s.siteId)
      .executeTakeFirstOrThrow();
    const account = await db
      .selectFrom('point_accounts')
      .select('balance')
      .where('kind', '=', 'supermarket')
      .where('owner_id', '=', s.siteId)
      .executeTakeFirst();
    const entries = await db
      .selectFrom('point_entries')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .executeTakeFirstOrThrow();
    const stock = await db
      .selectFrom('goods')
      .select((eb) => eb.fn.sum<number>('stock').as('s'))
      .where('site_id', '=', s.siteId)
      .executeTakeFirstOrThrow();
    const moved = await db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.sum<number>('delta').as('s'))
      .where('site_id', '=', s.siteId)
      .executeTakeFirstOrThrow();
    const ok =
      toNumber(orders.p) === toNumber(account?.balance) &&
      toNumber(entries.s) === 0 &&
      toNumber(stock.s) === toNumber(moved.s);
    return `${toNumber(orders.n)} orders, ${ok ? 'ledger and stock consistent' : 'INCONSISTENT'}`;
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
