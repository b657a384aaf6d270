import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { App } from '../src/server/context.js';
import type { Dialect } from '../src/server/db/database.js';
import { devSmsProvider } from '../src/server/platform/notify/transports.js';
import { keepLogLine, rememberSecret } from './log-scan.js';
import { SmsInbox } from './sms.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/**
 * Log lines the app wrote, for assertions that personal data never reaches them; each is also
 * kept in this worker's file for the scan at the end of the run (test/log-scan.ts).
 */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    const line = chunk.toString('utf8');
    this.lines.push(line);
    keepLogLine(line);
    cb();
  }
  text(): string {
    return this.lines.join('');
  }
}

export interface TestApp {
  app: App;
  tdb: TestDatabase;
  logs: LogCapture;
  /** What the app sent by SMS (the dev provider's file). */
  sms: SmsInbox;
  /** The folder uploaded files go to (a fresh one per app, removed on close). */
  filesDir: string;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * A real app on a fresh database of the dialect, with logs captured at debug level; `env` adds
 * settings (SHANMEI_SECURE_COOKIES…), `webRoot` serves a built web app from that folder.
 */
export async function createTestApp(
  dialect: Dialect,
  opts: { env?: Record<string, string>; webRoot?: string } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const logs = new LogCapture();
  const filesDir = mkdtempSync(join(tmpdir(), 'shanmei-files-'));
  const config = loadConfig(
    { LOG_LEVEL: 'debug', SHANMEI_RATE_LIMITS: 'on', SHANMEI_FILES_DIR: filesDir, ...opts.env },
    {
      databaseUrl: tdb.url,
      secret: TEST_SECRET,
      webRoot: opts.webRoot,
    },
  );
  const smsDir = mkdtempSync(join(tmpdir(), 'shanmei-sms-'));
  const sms = new SmsInbox(join(smsDir, 'sms.log'));
  const app = await buildApp(config, tdb, { logStream: logs, sms: devSmsProvider(sms.file) });
  await app.ready();
  return {
    app,
    tdb,
    logs,
    sms,
    filesDir,
    close: async () => {
      await app.close();
      await tdb.drop();
      rmSync(smsDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An HTTP client over app.inject that keeps the session cookie and sends the CSRF token. */
export class Client {
  private cookie: string | undefined;
  private csrf: string | undefined;
  constructor(private readonly app: App) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  del = (url: string) => this.request('DELETE', url);

  /** Logs in and fetches the CSRF token; throws when the login fails. */
  async login(login: string, password: string): Promise<this> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
    if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
    const set = res.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    this.cookie = first?.split(';')[0];
    const me = await this.get('/api/v1/me');
    this.csrf = (me.json() as { csrfToken: string }).csrfToken;
    rememberSecret(this.cookie?.slice(this.cookie.indexOf('=') + 1));
    rememberSecret(this.csrf);
    return this;
  }
}
