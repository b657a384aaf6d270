import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.ok) return performance.now() - t0;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a process and waits until `healthPath` answers. */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  port: number,
  healthPath: string,
): Promise<Running & { startMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + healthPath);
  const startMs = performance.now() - t0;
  return {
    url,
    child,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type Dialect = 'sqlite' | 'postgres';

/** The secret every benchmarked server and the data written for it share. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-42';

/**
 * The dialects to measure: SQLite, and PostgreSQL too when DATABASE_URL names it;
 * BENCH_DIALECT (sqlite | postgres) keeps only that one.
 */
export function benchDialects(): Dialect[] {
  const only = process.env.BENCH_DIALECT;
  if (only === 'sqlite' || only === 'postgres') return [only];
  return process.env.DATABASE_URL?.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A driver's main: measures on each of `benchDialects()` in turn, then prints every line under `title`. */
export async function runOnEachDialect(title: string, bench: (dialect: Dialect) => Promise<string[]>): Promise<void> {
  const all: string[] = [];
  for (const d of benchDialects()) all.push(...(await bench(d)));
  console.log(`\n${title} — ${new Date().toISOString()} — Node ${process.version}\n${all.join('\n')}`);
}

/**
 * Shanmei's server on a free port over `databaseUrl`, with rate limits off as for any load
 * test: the build (`bin/shanmei.js`, after `npm run build:server`) unless `fromSource`
 * or BENCH_FROM_SOURCE asks for the sources through tsx (or there is no build).
 */
export async function startShanmei(
  databaseUrl: string,
  opts: { fromSource?: boolean; env?: Record<string, string>; workers?: number; nodeArgs?: string[] } = {},
): Promise<Running & { startMs: number; fromSource: boolean }> {
  const fromSource = !!opts.fromSource || !!process.env.BENCH_FROM_SOURCE || !existsSync('dist/cli/index.js');
  const serve = ['serve', ...(opts.workers && opts.workers > 1 ? ['--workers', String(opts.workers)] : [])];
  const server = await startProcess(
    [
      ...(opts.nodeArgs ?? []),
      ...(fromSource ? ['--import', 'tsx', 'src/cli/index.ts'] : ['bin/shanmei.js']),
      ...serve,
    ],
    {
      DATABASE_URL: databaseUrl,
      SHANMEI_SECRET: BENCH_SECRET,
      SHANMEI_ADMIN_PASSWORD: 'bench-admin-password',
      SHANMEI_RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    await freePort(),
    '/api/v1/health',
  );
  return { ...server, fromSource };
}

const created: URL[] = [];

async function dropDatabase(url: URL): Promise<void> {
  const admin = new URL(url.toString());
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${url.pathname.slice(1)} WITH (FORCE)`);
  await c.end();
}

/** Drops every PostgreSQL database `freshDatabaseUrl` made in this run. */
export async function dropCreatedDatabases(): Promise<void> {
  for (const url of created.splice(0)) await dropDatabase(url);
}

/** Removes one database `freshDatabaseUrl` made: the SQLite file's folder, or the PostgreSQL database. */
export async function removeDatabase(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true });
    return;
  }
  const at = created.findIndex((u) => u.toString() === url);
  if (at >= 0) created.splice(at, 1);
  await dropDatabase(new URL(url));
}

/** A fresh database URL of the dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabaseUrl(dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'shanmei-bench-')), 'bench.db')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `shanmei_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: base.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  base.pathname = `/${name}`;
  created.push(new URL(base.toString()));
  return base.toString();
}
