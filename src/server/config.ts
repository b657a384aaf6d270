import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Everything the server and CLI read from the environment (flags of the same name override). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Encrypts, hashes and signs. */
  secret: string;
  /** Secrets being rotated out: they only decrypt what was encrypted under them (`shanmei secret rotate`). */
  previousSecrets: string[];
  adminPassword: string | undefined;
  demo: boolean;
  rateLimits: boolean;
  /** Addresses of trusted reverse proxies; the client address comes from X-Forwarded-For only through them. */
  trustProxy: string[];
  /** Folder with the built web app, served at `/` when present. */
  webRoot: string | undefined;
  logLevel: string;
  /** Cookies get `Secure` on every request but plain http://localhost (requests over HTTPS get it anyway). */
  secureCookies: boolean;
  /** Minutes a session may go unused before it ends (SHANMEI_SESSION_IDLE_MINUTES, default 720: a day's shift). */
  sessionIdleMinutes: number;
  /** The same for accounts holding an admin role over a region, a department or the system (SHANMEI_ADMIN_IDLE_MINUTES, default 60). */
  adminIdleMinutes: number;
  /** Raster tile URL template (`https://…/{z}/{x}/{y}.png`); null: the map draws on a plain background. */
  mapTiles: string | null;
  /** Attribution the tile server's licence asks for, shown on the map. */
  mapAttribution: string | null;
  /**
   * Where people reach the platform (SHANMEI_PUBLIC_URL, e.g. https://zyz.cq.gov.cn): the links
   * the server hands out (calendar subscriptions) are built on it, never on a request's Host
   * header. Null: the request's own origin, for a machine on its own (the demo, a LAN).
   */
  publicUrl: string | null;
  /** The province whose regions a new installation starts with (SHANMEI_PROVINCE, default 500000). */
  province: string;
  /** Where uploaded files (photos) are kept, and how large one may be. */
  files: FilesConfig;
}

/**
 * Uploaded files: on local disk (SHANMEI_FILES=local, the default, under SHANMEI_FILES_DIR, by
 * default `files/` in the data folder) or in an S3-compatible bucket (SHANMEI_FILES=s3 with
 * SHANMEI_S3_ENDPOINT, SHANMEI_S3_BUCKET, SHANMEI_S3_ACCESS_KEY_ID, SHANMEI_S3_SECRET_ACCESS_KEY,
 * optional SHANMEI_S3_REGION). SHANMEI_FILES_MAX_MB caps one upload (default 8).
 */
export type FilesConfig = { maxBytes: number } & (
  | { driver: 'local'; dir: string }
  | {
      driver: 's3';
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
    }
);

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

/** The file that holds the generated secret when SHANMEI_SECRET is unset: the current one first, then any previous. */
export const secretFile = (databaseUrl: string): string => resolve(dataDir(databaseUrl), 'secret');

const MIN_SECRET = 32;

function checkedSecret(value: string, name: string): string {
  if (value.length < MIN_SECRET) throw new Error(`${name} must be at least ${MIN_SECRET} characters long`);
  return value;
}

/** The secrets a file holds, one a line: the current first. */
export function readSecretFile(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Writes a secret file whole (a new file renamed over the old), readable by its owner only. */
export function writeSecretFile(file: string, secrets: string[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const next = `${file}.next`;
  writeFileSync(next, secrets.map((s) => s + '\n').join(''), { mode: 0o600 });
  renameSync(next, file);
}

/** A new random secret. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The signing and encryption keys: SHANMEI_SECRET (with SHANMEI_SECRET_PREVIOUS, comma-separated,
 * while a rotation is under way), else the data folder's secret file, generated once, so a
 * restart keeps decrypting what was written before.
 */
function loadSecrets(env: NodeJS.ProcessEnv, databaseUrl: string): { secret: string; previousSecrets: string[] } {
  if (env.SHANMEI_SECRET) {
    const previousSecrets = (env.SHANMEI_SECRET_PREVIOUS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => checkedSecret(s, 'each of SHANMEI_SECRET_PREVIOUS'));
    return { secret: checkedSecret(env.SHANMEI_SECRET, 'SHANMEI_SECRET'), previousSecrets };
  }
  const file = secretFile(databaseUrl);
  if (existsSync(file)) {
    const [secret, ...previousSecrets] = readSecretFile(file);
    if (!secret) throw new Error(`${file} is empty: restore it from a backup, or every encrypted field is lost`);
    return { secret, previousSecrets };
  }
  const secret = newSecret();
  writeSecretFile(file, [secret]);
  return { secret, previousSecrets: [] };
}

/** SHANMEI_PUBLIC_URL: an http(s) origin (a path is refused: links add their own), without a trailing slash. */
export function parsePublicUrl(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL | null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (
    !url ||
    !['http:', 'https:'].includes(url.protocol) ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search
  ) {
    throw new Error(`SHANMEI_PUBLIC_URL must be an http(s) origin such as https://zyz.example.org; got "${v}"`);
  }
  return url.origin;
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

/** Minutes between 5 and a week. */
function parseIdleMinutes(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v.trim() === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 5 || n > 7 * 24 * 60) {
    throw new Error(`${name} must be a whole number of minutes from 5 to 10080, got "${v}"`);
  }
  return n;
}

/** SHANMEI_FILES and its companions; a missing S3 setting stops the start with a message naming it. */
export function parseFiles(env: NodeJS.ProcessEnv, databaseUrl: string): FilesConfig {
  const mb = env.SHANMEI_FILES_MAX_MB?.trim() || '8';
  const n = Number(mb);
  if (!Number.isFinite(n) || n <= 0 || n > 100) {
    throw new Error(`SHANMEI_FILES_MAX_MB must be a number of megabytes above 0 and at most 100, got "${mb}"`);
  }
  const maxBytes = Math.round(n * 1024 * 1024);
  const driver = env.SHANMEI_FILES?.trim() || 'local';
  if (driver === 'local') {
    return { maxBytes, driver, dir: resolve(env.SHANMEI_FILES_DIR?.trim() || resolve(dataDir(databaseUrl), 'files')) };
  }
  if (driver !== 's3') throw new Error(`SHANMEI_FILES must be "local" or "s3", got "${driver}"`);
  const need = (name: string): string => {
    const v = env[name]?.trim();
    if (!v) throw new Error(`${name} is needed with SHANMEI_FILES=s3`);
    return v;
  };
  return {
    maxBytes,
    driver,
    endpoint: need('SHANMEI_S3_ENDPOINT'),
    region: env.SHANMEI_S3_REGION?.trim() || 'us-east-1',
    bucket: need('SHANMEI_S3_BUCKET'),
    accessKeyId: need('SHANMEI_S3_ACCESS_KEY_ID'),
    secretAccessKey: need('SHANMEI_S3_SECRET_ACCESS_KEY'),
  };
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
    ...(overrides.secret ? { secret: overrides.secret, previousSecrets: [] } : loadSecrets(env, databaseUrl)),
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
    sessionIdleMinutes: parseIdleMinutes('SHANMEI_SESSION_IDLE_MINUTES', env.SHANMEI_SESSION_IDLE_MINUTES, 720),
    adminIdleMinutes: parseIdleMinutes('SHANMEI_ADMIN_IDLE_MINUTES', env.SHANMEI_ADMIN_IDLE_MINUTES, 60),
    mapTiles: parseMapTiles(env.SHANMEI_MAP_TILES),
    mapAttribution: env.SHANMEI_MAP_ATTRIBUTION?.trim() || null,
    province: parseProvince(env.SHANMEI_PROVINCE),
    publicUrl: parsePublicUrl(env.SHANMEI_PUBLIC_URL),
    files: parseFiles(env, databaseUrl),
    ...overrides,
  };
}
