/**
 * A real `shanmei serve` in its own process (the CLI run from source), for the tests of
 * shutdown, restarts and crashes, and a steady stream of requests against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { keepLogLine } from './log-scan.js';

const ROOT = join(import.meta.dirname, '..');

export const PROCESS_SECRET = 'process-test-secret-process-test-secret';

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
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

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** Resolves once the output contains `text`. */
  printed(text: string): Promise<void>;
}

/** Starts `shanmei serve` on a free port against `databaseUrl` and waits until it answers. */
export async function startServe(
  databaseUrl: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHANMEI_SECRET: PROCESS_SECRET,
      SHANMEI_ADMIN_PASSWORD: 'process-test-admin-1',
      SHANMEI_DEMO: 'off',
      SHANMEI_JOBS: 'off',
      SHANMEI_RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiting: { text: string; done: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    keepLogLine(d.toString());
    for (const w of waiting.filter((x) => out.includes(x.text))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.done();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const printed = (text: string) =>
    out.includes(text) ? Promise.resolve() : new Promise<void>((done) => waiting.push({ text, done }));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    printed('is serving'),
    exited.then((c) => Promise.reject(new Error(`serve ended (${c}) before it served:\n${out}`))),
  ]);
  return { url, child, output: () => out, exited, printed };
}

/** One request on a connection of its own (Connection: close), so no answer can ride on a stale socket. */
export function once(
  url: string,
  method: 'GET' | 'POST' = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // A request nobody answers within 10 s counts as lost (the tests look for none).
    req.setTimeout(10_000, () => req.destroy(Object.assign(new Error('no answer'), { code: 'NO_ANSWER' })));
    req.end(payload);
  });
}

export interface Load {
  /** Answers by status. */
  statuses: Map<number, number>;
  /** Failures by error code (ECONNREFUSED: nobody listened — the request was never taken). */
  errors: Map<string, number>;
  answered(): number;
  stop(): Promise<void>;
}

/** Keeps `parallel` loops of requests going until stopped. */
export function steadyLoad(send: () => Promise<{ status: number }>, parallel = 8): Load {
  const statuses = new Map<number, number>();
  const errors = new Map<string, number>();
  let running = true;
  let answered = 0;
  const loops = Array.from({ length: parallel }, async () => {
    while (running) {
      try {
        const r = await send();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        answered += 1;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
        errors.set(code, (errors.get(code) ?? 0) + 1);
        // Nobody listening: wait a moment (as a client's retry would) instead of spinning.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    statuses,
    errors,
    answered: () => answered,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Resolves once `load` has had `n` more answers than now. */
export async function moreAnswers(load: Load, n: number): Promise<void> {
  const target = load.answered() + n;
  while (load.answered() < target) await new Promise((r) => setTimeout(r, 10));
}
