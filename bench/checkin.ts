// P1: check-ins at a big event, over real HTTP. `n` volunteers with approved sign-ups for
// one running shift are written straight to the database; then every one checks in once
// (first check-ins: a new attendance each, 201), and then they check in again for a few
// seconds (repeated check-ins: the same attendance answered, 200). Each request carries its
// volunteer's bearer token and a check-in code made with the bench secret for the current
// window, as a scanned QR code would. The raw limit beside it: the check-in transaction
// itself run in-process on the same database (sequentially on SQLite, on 16 connections on
// PostgreSQL), for another `n` volunteers on a second shift.
import { JIEFANGBEI } from '../test/activity-factories.js';
import { checkinScene } from '../test/load-scenes.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { issueCheckinCode } from '../src/server/platform/codes.js';
import { checkinTransactionRate } from './raw/checkin-transaction.js';
import { openBenchDatabase } from './lib/data.js';
import { load, statusText, type LoadResult } from './lib/load.js';
import { BENCH_SECRET, removeDatabase, freshDatabaseUrl, startShanmei, type Dialect } from './lib/server.js';

export interface CheckinFigures {
  first: LoadResult;
  repeated: LoadResult;
  /** Attendances in the database after the run: must equal the 201s. */
  stored: number;
}

export interface CheckinBenchOptions {
  volunteers: number;
  workers: number;
  repeatSeconds: number;
  /** Extra arguments for the server's node (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

/** One check-in run against a fresh database of the dialect, with `workers` server processes. */
export async function checkinBench(dialect: Dialect, o: CheckinBenchOptions): Promise<CheckinFigures> {
  const url = await freshDatabaseUrl(dialect);
  try {
    const { database, app } = await openBenchDatabase(url);
    let scene;
    try {
      scene = await checkinScene(app, o.volunteers);
    } finally {
      await database.close();
    }
    const server = await startShanmei(url, { workers: o.workers, nodeArgs: o.nodeArgs });
    const cipher = new PersonalDataCipher(BENCH_SECRET);
    const codeNow = () => issueCheckinCode(cipher, scene.shiftId, 30).token;
    const body = (token: string) => JSON.stringify({ token, lat: JIEFANGBEI.lat, lng: JIEFANGBEI.lng, accuracyM: 25 });
    const request = (i: number) => ({
      method: 'POST' as const,
      path: '/api/v1/checkins',
      headers: { authorization: `Bearer ${scene.volunteerTokens[i % o.volunteers]}` },
      body: body(codeNow()),
    });
    try {
      // warm-up on the health route (JIT, pools), not on check-ins: every volunteer's first is measured
      await load(`${server.url}/api/v1/health`, { connections: 10, seconds: 1 });
      const first = await load(server.url, { connections: 50, amount: o.volunteers, each: request });
      const repeated = await load(server.url, { connections: 50, seconds: o.repeatSeconds, each: request });
      const check = await openBenchDatabase(url);
      try {
        const n = await check.database.db
          .selectFrom('attendance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return { first, repeated, stored: Number(n.n) };
      } finally {
        await check.database.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await removeDatabase(url);
  }
}

/** The check-in transaction in-process on a fresh database of the dialect: transactions per second. */
export async function rawCheckinRate(dialect: Dialect, volunteers: number): Promise<number> {
  const url = await freshDatabaseUrl(dialect);
  try {
    return await checkinTransactionRate(url, volunteers);
  } finally {
    await removeDatabase(url);
  }
}

export const firstCheckinsText = (f: CheckinFigures): string => `${statusText(f.first.statuses)}; ${f.stored} stored`;
