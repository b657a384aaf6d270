import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Everything the server and CLI read from the environment (flags of the same name override). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  secret: string;
  adminPassword: string | undefined;
  demo: boolean;
  rateLimits: boolean;
  /** Addresses of trusted reverse proxies; the client address comes from X-Forwarded-For only through them. */
  trustProxy: string[];
  /** Folder with the built web app, served at `/` when present. */
  webRoot: string | undefined;
  logLevel: string;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
}

const DEFAULT_DB = 'sqlite:./data/shanmei.db';

const truthy = (v: string | undefined, dflt: boolean): boolean =>
  v === undefined || v === '' ? dflt : !['0', 'off', 'false', 'no'].includes(v.toLowerCase());

/** The data folder of a SQLite URL, or ./data for PostgreSQL. */
export function dataDir(databaseUrl: string): string {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:') return dirname(resolve(path));
  }
  return resolve('data');
}

/**
 * The signing and encryption key. Generated once into the data folder when unset, so a
 * restart keeps decrypting what was written before.
 */
function loadSecret(env: NodeJS.ProcessEnv, databaseUrl: string): string {
  if (env.SHANMEI_SECRET) {
    if (env.SHANMEI_SECRET.length < 32) {
      throw new Error('SHANMEI_SECRET must be at least 32 characters long');
    }
    return env.SHANMEI_SECRET;
  }
  const file = resolve(dataDir(databaseUrl), 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_DB;
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const webRoot = resolve('dist/web');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    secret: overrides.secret ?? loadSecret(env, databaseUrl),
    adminPassword: env.SHANMEI_ADMIN_PASSWORD || undefined,
    demo: truthy(env.SHANMEI_DEMO, false),
    rateLimits: truthy(env.SHANMEI_RATE_LIMITS, true),
    trustProxy: (env.SHANMEI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webRoot: existsSync(webRoot) ? webRoot : undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: truthy(env.SHANMEI_SECURE_COOKIES, false),
    ...overrides,
  };
}
