import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SmsInbox } from '../../test/sms.js';
import { CLOCK_OFFSET_MS, elapsedMs } from './clock.js';

export const ADMIN_PASSWORD = 'e2e-admin-password-1';
const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'shanmei.js');

const inboxes = new Map<string, SmsInbox>();

/** The SMS inbox of the test server at `url`, for helpers that know only the address. */
export function smsInboxOf(url: string): SmsInbox {
  const inbox = inboxes.get(url);
  if (!inbox) throw new Error(`no test server at ${url}`);
  return inbox;
}

export interface TestServer {
  url: string;
  stop: () => Promise<void>;
  /** The texts the server sent through the dev SMS provider (its SHANMEI_SMS_DEV_FILE). */
  sms: SmsInbox;
  /** With `movableClock`: runs the server's clock this many milliseconds ahead of the run's clock. */
  setClockOffset: (ms: number) => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = elapsedMs() + 30_000;
  while (elapsedMs() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /api/v1/health within 30 s:\n${log()}`);
}

/**
 * The real server (built by `npm run build`) on a free port with a fresh SQLite database
 * holding the Chongqing regions (or the whole demo), the admin password set and rate limits off.
 */
export async function startTestServer(
  opts: {
    demo?: boolean;
    movableClock?: boolean;
    /** More environment for the server process, e.g. `SHANMEI_MAP_TILES`. */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const extraEnv = opts.env ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-e2e-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    SHANMEI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SHANMEI_RATE_LIMITS: 'off',
    SHANMEI_DEMO: opts.demo ? 'on' : 'off',
    SHANMEI_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    SHANMEI_SMS_PROVIDER: 'dev',
    SHANMEI_SMS_DEV_FILE: join(dir, 'sms.log'),
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    ...extraEnv,
  };
  // The demo brings its own regions; otherwise seed Chongqing's so the region pickers have data.
  const seeded = opts.demo
    ? { status: 0, stderr: '' }
    : spawnSync(process.execPath, [CLI, 'seed', 'regions'], { env, cwd: ROOT, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding regions failed:\n${seeded.stderr}`);
  const port = await freePort();
  // The server keeps the run's clock (E2E_CLOCK); a movable one can be moved further by IPC.
  const shifted = opts.movableClock || CLOCK_OFFSET_MS !== 0;
  const preload = shifted ? ['--import', pathToFileURL(join(import.meta.dirname, 'server-clock.mjs')).href] : [];
  const child = spawn(process.execPath, [...preload, CLI, 'serve'], {
    env: { ...env, PORT: String(port), SHANMEI_E2E_CLOCK_OFFSET_MS: String(CLOCK_OFFSET_MS) },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  const sms = new SmsInbox(join(dir, 'sms.log'));
  inboxes.set(url, sms);
  return {
    url,
    sms,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    setClockOffset: async (ms: number) => {
      if (!opts.movableClock) throw new Error('start the server with movableClock to move its clock');
      const want = CLOCK_OFFSET_MS + ms;
      const set = new Promise<void>((ok) => {
        const onMessage = (m: unknown) => {
          if ((m as { clockOffsetSet?: number } | null)?.clockOffsetSet !== want) return;
          child.off('message', onMessage);
          ok();
        };
        child.on('message', onMessage);
      });
      child.send({ clockOffsetMs: want });
      await set;
    },
  };
}
