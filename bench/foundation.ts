import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/server/platform/passwords.js';
import { SmsInbox } from '../test/sms.js';
import { fmt, load, percentiles } from './lib/load.js';
import { freshDatabaseUrl, startShanmei, type Dialect } from './lib/server.js';

export interface Row {
  what: string;
  figure: string;
  limit: string;
}

const DEMO_PASSWORD = 'shanmei-demo';

async function login(url: string, login: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!r.ok) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A valid synthetic 居民身份证 number (GB 11643 check digit). */
function residentId(i: number): string {
  const first17 = `500103${1970 + (i % 30)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, k) => s + Number(d) * (w[k] ?? 0), 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * Foundation figures on one dialect: start-up with the demo, registration latency next to
 * the raw argon2 cost, and scoped list throughput next to a bare route.
 */
export async function foundationBench(dialect: Dialect, bareRps: number): Promise<Row[]> {
  const rows: Row[] = [];
  const sms = new SmsInbox(join(mkdtempSync(join(tmpdir(), 'shanmei-bench-sms-')), 'sms.log'));
  const server = await startShanmei(await freshDatabaseUrl(dialect), {
    env: { SHANMEI_DEMO: 'on', SHANMEI_SMS_DEV_FILE: sms.file },
  });
  try {
    rows.push({
      what: `[${dialect}] start-up: migrate + Chongqing demo + listen`,
      figure: `${fmt(server.startMs / 1000, 1)} s`,
      limit: 'target < 60 s',
    });

    const rawHash: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await hashPassword('bench-password-1');
      rawHash.push(performance.now() - t0);
    }
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      // The phone is proved first (a code by SMS, from the dev provider's file); not timed.
      const phone = `137${String(10_000_000 + i * 7919).slice(-8)}`;
      const asked = await fetch(`${server.url}/api/v1/verification-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone, purpose: 'register' }),
      });
      if (asked.status !== 202) throw new Error(`verification code ${i}: ${asked.status} ${await asked.text()}`);
      const verificationCode = sms.lastCode(phone);
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/v1/volunteers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: '压测志愿者',
          idType: 'resident_id',
          idNumber: residentId(i + 17),
          phone,
          verificationCode,
          password: 'bench-password-1',
          regionCode: '500103',
          skills: [],
          fields: [],
        }),
      });
      times.push(performance.now() - t0);
      if (r.status !== 201) throw new Error(`registration ${i}: ${r.status} ${await r.text()}`);
    }
    const reg = percentiles(times);
    const hash = percentiles(rawHash);
    rows.push({
      what: `[${dialect}] registration over HTTP, 100 sequential: p50 / p99`,
      figure: `${fmt(reg.p50, 1)} / ${fmt(reg.p99, 1)} ms`,
      limit: `argon2id hash alone: p50 ${fmt(hash.p50, 1)} ms`,
    });

    const cookie = await login(server.url, 'region.admin', DEMO_PASSWORD);
    const lists: [string, string][] = [
      ['volunteers of 渝中区 (region admin, scoped)', '/api/v1/volunteers?regionCode=500103&limit=50'],
      ['organisations under 重庆市, page of 50', '/api/v1/organisations?regionCode=500000&limit=50'],
      ['sites within 10 km, nearest first', '/api/v1/sites?near=29.5630,106.5516&radiusKm=10&limit=50'],
    ];
    for (const [what, path] of lists) {
      const r = await load(server.url + path, { connections: 50, seconds: 5, headers: { cookie } });
      if (r.non2xx || r.errors) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      rows.push({
        what: `[${dialect}] ${what}: req/s, p50 / p99`,
        figure: `${fmt(r.rps)} req/s, ${fmt(r.p50)} / ${fmt(r.p99)} ms`,
        limit: `bare route: ${fmt(bareRps)} req/s`,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}
