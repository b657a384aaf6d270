// P2: redemptions at a points supermarket's counters under contention, over real HTTP. One
// supermarket with 4 clerks, few funded wallets and few goods, so every redemption waits for
// the same locks (wallet, goods, the supermarket's account). Each request carries a fresh
// member code made with the bench secret and its own idempotency key; every tenth repeats
// the key before it (a clerk pressing twice), which must answer the first redemption and
// not spend again. Afterwards the orders, the ledger, the wallets and the stock must agree.
// The raw limit beside it: the same redemptions through the service in-process (no HTTP, no
// auth), 16 at a time, on a second supermarket of the same database size.
import { randomBytes } from 'node:crypto';
import { storeConsistency, supermarketScene, type StoreScene } from '../test/load-scenes.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { openDatabase, toNumber } from '../src/server/db/database.js';
import { issueMemberCode } from '../src/server/platform/codes.js';
import { callerOfToken, lastUseOf } from '../src/server/modules/auth/index.js';
import { redeem } from '../src/server/modules/supermarkets/redemptions.service.js';
import { openBenchDatabase } from './lib/data.js';
import { load, type LoadResult } from './lib/load.js';
import { BENCH_SECRET, freshDatabaseUrl, removeDatabase, startShanmei, type Dialect } from './lib/server.js';

export interface RedemptionFigures {
  http: LoadResult;
  /** Orders written, distinct keys sent, and whether ledger, wallets and stock agree. */
  orders: number;
  keys: number;
  consistent: boolean;
  /** In-process redemptions per second on the same kind of scene. */
  raw: number;
}

export interface RedemptionBenchOptions {
  requests: number;
  workers: number;
  wallets: number;
  goods: number;
  nodeArgs?: string[];
}

const pick = <T>(xs: T[], i: number): T => xs[i % xs.length] as T;

function bodies(s: StoreScene, cipher: PersonalDataCipher) {
  const keys: string[] = [];
  return {
    keys,
    body(i: number): string {
      const repeat = i % 10 === 9 && keys.length > 0;
      const key = repeat ? (keys[keys.length - 1] as string) : `bench-${randomBytes(9).toString('base64url')}`;
      if (!repeat) keys.push(key);
      // the same goods and volunteer for a repeat, or it is (rightly) refused as a mismatch
      const k = repeat ? i - 1 : i;
      return JSON.stringify({
        memberCode: issueMemberCode(cipher, pick(s.wallets, k * 7), 30).token,
        items: [{ goodsId: pick(s.goods, k * 3), qty: 1 }],
        idempotencyKey: key,
      });
    },
  };
}

/** No wallet below zero and the store's books in agreement. */
async function consistent(url: string, s: StoreScene): Promise<{ orders: number; ok: boolean }> {
  const database = openDatabase(url);
  try {
    const r = await storeConsistency(database.db, s.siteId);
    const low = await database.db
      .selectFrom('point_accounts')
      .select((eb) => eb.fn.min('balance').as('m'))
      .where('kind', '=', 'wallet')
      .executeTakeFirst();
    return { orders: r.orders, ok: r.ok && toNumber(low?.m) >= 0 };
  } finally {
    await database.close();
  }
}

/** The redemption service called in-process, 16 at a time, `n` times. */
async function rawRate(url: string, s: StoreScene, n: number): Promise<number> {
  const database = openDatabase(url, { poolSize: 16 });
  const config = loadConfig(
    { LOG_LEVEL: 'warn', SHANMEI_RATE_LIMITS: 'off' },
    { databaseUrl: url, secret: BENCH_SECRET, webRoot: undefined },
  );
  const app = await buildApp(config, database);
  try {
    const token = await callerOfToken(database.db, lastUseOf(database), s.clerkTokens[0] as string);
    if (!token) throw new Error('no clerk');
    const actor = {
      userId: token.user_id,
      via: 'bearer' as const,
      sessionId: null,
      csrfToken: null,
      grants: token.grants,
    };
    const cipher = new PersonalDataCipher(BENCH_SECRET);
    const { body } = bodies(s, cipher);
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < n) {
        const b = JSON.parse(body(next++)) as Parameters<typeof redeem>[3];
        await redeem(app.ctx, actor, s.siteId, b);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await app.close();
    await database.close();
  }
}

export async function redemptionBench(dialect: Dialect, o: RedemptionBenchOptions): Promise<RedemptionFigures> {
  const url = await freshDatabaseUrl(dialect);
  try {
    const { database, app } = await openBenchDatabase(url);
    let scene: StoreScene;
    let rawScene: StoreScene;
    try {
      const shape = { clerks: 4, wallets: o.wallets, goods: o.goods };
      scene = await supermarketScene(app, { name: '积分超市 压测', ...shape, birthYear: 1970 });
      rawScene = await supermarketScene(app, { name: '积分超市 对照', ...shape, birthYear: 1980 });
    } finally {
      await database.close();
    }
    const raw = await rawRate(url, rawScene, Math.min(o.requests, 2000));
    const server = await startShanmei(url, { workers: o.workers, nodeArgs: o.nodeArgs });
    const cipher = new PersonalDataCipher(BENCH_SECRET);
    const b = bodies(scene, cipher);
    let http: LoadResult;
    try {
      await load(`${server.url}/api/v1/health`, { connections: 10, seconds: 1 });
      http = await load(server.url, {
        connections: 50,
        amount: o.requests,
        each: (i) => ({
          method: 'POST',
          path: `/api/v1/supermarkets/${scene.siteId}/redemptions`,
          headers: { authorization: `Bearer ${pick(scene.clerkTokens, i)}` },
          body: b.body(i),
        }),
      });
    } finally {
      await server.stop();
    }
    const c = await consistent(url, scene);
    return { http, orders: c.orders, keys: b.keys.length, consistent: c.ok, raw };
  } finally {
    await removeDatabase(url);
  }
}
