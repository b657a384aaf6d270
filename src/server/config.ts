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
  /** Raster tile URL template (`https://…/{z}/{x}/{y}.png`); null: the map draws on a plain background. */
  mapTiles: string | null;
  /** Attribution the tile server's licence asks for, shown on the map. */
  mapAttribution: string | null;
  /** The province whose regions a new installation starts with (SHANMEI_PROVINCE, default 500000). */
  province: string;
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

/**
 * A tile URL template must be http(s) and hold `{z}`, `{x}` and `{y}`; anything else stops the
 * start with a message, rather than a map whose every tile fails.
 */
export function parseMapTiles(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL | null;
  try {
    url = new URL(v.replace(/\{[a-z]\}/g, '0'));
  } catch {
    url = null;
  }
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !v.includes(p));
  if (!url || !['http:', 'https:'].includes(url.protocol) || missing.length > 0) {
    throw new Error(
      `SHANMEI_MAP_TILES must be an http(s) URL template with {z}, {x} and {y}, ` +
        `e.g. https://tiles.example.org/{z}/{x}/{y}.png; got "${v}"` +
        (missing.length > 0 ? ` (missing ${missing.join(', ')})` : ''),
    );
  }
  return v;
}

/** A province code: 2 digits, or 6 ending in 0000 (GB/T 2260); anything else stops the start. */
export function parseProvince(value: string | undefined): string {
  const v = value?.trim() || '500000';
  if (!/^\d{2}(0000)?$/.test(v)) {
    throw new Error(`SHANMEI_PROVINCE must be a province code, 2 digits or 6 ending in 0000 (e.g. 500000); got "${v}"`);
  }
  return v;
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
    mapTiles: parseMapTiles(env.SHANMEI_MAP_TILES),
    mapAttribution: env.SHANMEI_MAP_ATTRIBUTION?.trim() || null,
    province: parseProvince(env.SHANMEI_PROVINCE),
    ...overrides,
  };
}
