/**
 * Every log line the test apps write goes to a file per worker process (LogCapture); the tokens
 * the harness hands out go to a secrets file beside it. At the end of the run
 * (test/global-setup.ts) every line is scanned for ID numbers, mobile numbers, the tests'
 * passwords and the session and bearer tokens, and the run fails listing the lines, masked.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { residentIdCheckDigit } from '../src/common/id-numbers.js';

/** The folder of this run's log files, set by the global setup; unset outside `vitest run`. */
export const logDir = (): string | undefined => process.env.SHANMEI_TEST_LOG_DIR || undefined;

/** Appends a log chunk to this worker's file. */
export function keepLogLine(chunk: string): void {
  const dir = logDir();
  if (dir) appendFileSync(join(dir, `worker-${process.pid}.log`), chunk);
}

/** Notes a session or bearer token the harness holds, for the scan to look for. */
export function rememberSecret(secret: string | undefined): void {
  const dir = logDir();
  if (dir && secret && secret.length >= 16) appendFileSync(join(dir, `secrets-${process.pid}.txt`), `${secret}\n`);
}

// Not inside a longer run of letters and digits (a hex id, a timestamp) or a decimal fraction.
const ID_NUMBER = /(?<![0-9A-Za-z.])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE = /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const BEARER = /\bsmt_[A-Za-z0-9_-]{16,}/g;

/** Keeps the first and last two characters of a secret: enough to find it, not to use it. */
export const mask = (s: string): string =>
  s.length <= 6 ? '*'.repeat(s.length) : `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;

const validResidentId = (s: string) => residentIdCheckDigit(s.slice(0, 17)) === s.slice(17).toUpperCase();

export interface LogFinding {
  kind: 'id_number' | 'phone' | 'password' | 'token';
  /** The line with every finding in it masked. */
  line: string;
}

/** The log lines holding personal data or a secret, masked. */
export function scanLogLines(lines: string[], secrets: { passwords: string[]; tokens: string[] }): LogFinding[] {
  const findings: LogFinding[] = [];
  for (const raw of lines) {
    if (!raw.trim()) continue;
    const hits: { kind: LogFinding['kind']; value: string }[] = [];
    for (const m of raw.matchAll(ID_NUMBER)) if (validResidentId(m[0])) hits.push({ kind: 'id_number', value: m[0] });
    for (const m of raw.matchAll(PHONE)) hits.push({ kind: 'phone', value: m[0] });
    for (const m of raw.matchAll(BEARER)) hits.push({ kind: 'token', value: m[0] });
    for (const p of secrets.passwords) if (raw.includes(p)) hits.push({ kind: 'password', value: p });
    for (const s of secrets.tokens) if (raw.includes(s)) hits.push({ kind: 'token', value: s });
    if (!hits.length) continue;
    let line = raw.trim();
    for (const h of hits) line = line.split(h.value).join(mask(h.value));
    for (const kind of new Set(hits.map((h) => h.kind))) findings.push({ kind, line: line.slice(0, 400) });
  }
  return findings;
}

/**
 * The passwords the test sources use (8 characters or more: shorter ones match by chance), but
 * for single lowercase words such as `password`, which the policy tests try and which routes and
 * messages hold as words (`/auth/password-reset`).
 */
export function testPasswords(root: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(test|e2e)\.ts$|^test\/.*\.ts$/.test(relative(root, path).replaceAll('\\', '/'))) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b\w*(?:password|Password|PASSWORD)\w*\s*[:=]\s*'([^'\n]{8,})'/g))
          if (!/^[a-z]+$/.test(m[1] as string)) found.add(m[1] as string);
      }
    }
  };
  for (const dir of ['src', 'test', 'e2e']) walk(join(root, dir));
  return [...found];
}

/** Scans every log file of the run in `dir`. */
export function scanLogDir(dir: string, root: string): { lines: number; findings: LogFinding[] } {
  const files = readdirSync(dir);
  const tokens = files
    .filter((f) => f.startsWith('secrets-'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter(Boolean);
  const lines = files
    .filter((f) => f.startsWith('worker-'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
  return { lines: lines.length, findings: scanLogLines(lines, { passwords: testPasswords(root), tokens }) };
}
