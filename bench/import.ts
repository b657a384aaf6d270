/**
 * P4: a volunteer register uploaded to a served Shanmei (the build) as an admin uploads it
 * (POST /api/v1/imports, then GET /api/v1/imports/:id until it is done), next to a raw bulk
 * insert of the same people into a second database of the same dialect in the same run: users
 * and volunteers rows stored as registration stores them (encrypted, keyed hashes, masks), 250
 * a statement, a transaction per batch, no checks. Peak RSS is the server process's (its import
 * thread included), the kernel's high-water mark read once the import is done.
 */
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { maskIdNumber, maskPhone, residentIdCheckDigit } from '../src/common/id-numbers.js';
import type { ImportView } from '../src/common/contract/imports.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { newId, nowIso } from '../src/server/ids.js';
import { bootstrapAdmin, seedRegionsIfNone, seedServiceFields } from '../src/server/modules/bootstrap/index.js';
import { BENCH_SECRET, freshDatabaseUrl, removeDatabase, startShanmei, type Dialect } from './lib/server.js';

const ADMIN_PASSWORD = 'bench-admin-password';

export interface ImportFigure {
  rows: number;
  importRate: number;
  rawRate: number;
  /** The server's peak RSS (MB) by the end of the import. */
  importPeakRssMb: number;
  /** The server's RSS (MB) before the upload. */
  serverIdleRssMb: number;
  accepted: number;
}

interface Person {
  name: string;
  idNumber: string;
  phone: string;
  region: string;
}

/** `n` distinct adults (up to 3.6 million) with valid resident IDs and phones, in the given streets. */
function* people(n: number, streets: string[]): Generator<Person> {
  for (let i = 0; i < n; i++) {
    const region = streets[i % streets.length] as string;
    let k = i;
    const year = 1960 + (k % 40);
    k = Math.floor(k / 40);
    const month = 1 + (k % 9);
    k = Math.floor(k / 9);
    const day = 10 + (k % 10);
    k = Math.floor(k / 10);
    const first17 = `${region.slice(0, 6)}${year}0${month}${day}${String(k % 1000).padStart(3, '0')}`;
    yield {
      name: `导入${i}`,
      idNumber: first17 + residentIdCheckDigit(first17),
      phone: `13${String(100_000_000 + i).slice(-9)}`,
      region,
    };
  }
}

async function prepared(url: string): Promise<{ database: Database; streets: string[] }> {
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  await seedRegionsIfNone(database.db, '500000');
  await seedServiceFields(database.db);
  await bootstrapAdmin(database.db, ADMIN_PASSWORD);
  const streets = (
    await database.db.selectFrom('regions').select('code').where('level', '=', 'town').orderBy('code').execute()
  ).map((r) => r.code);
  return { database, streets };
}

/** A field of /proc/<pid>/status in MB (VmRSS now, VmHWM the peak), or null without /proc. */
function processRssMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - t0) / 1000 };
}

/** Logs in as the admin, uploads `file` (streamed from disk) and polls the import until it has ended. */
async function uploadAndWait(url: string, file: string): Promise<ImportView> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  const form = new FormData();
  form.set('kind', 'volunteers');
  form.set('file', await openAsBlob(file), 'register.csv');
  const created = await fetch(`${url}/api/v1/imports`, { method: 'POST', headers, body: form });
  if (created.status !== 202) throw new Error(`upload: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  for (;;) {
    const r = await fetch(`${url}/api/v1/imports/${id}`, { headers });
    if (!r.ok) throw new Error(`import ${id}: ${r.status} ${await r.text()}`);
    const view = (await r.json()) as ImportView;
    if (view.status === 'done') return view;
    if (view.status === 'failed') throw new Error(`import failed: ${JSON.stringify(view.failure)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function importBench(dialect: Dialect, rows: number): Promise<ImportFigure> {
  const cipher = new PersonalDataCipher(BENCH_SECRET);
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-bench-import-'));
  const file = join(dir, 'register.csv');
  const importUrl = await freshDatabaseUrl(dialect);
  const rawUrl = await freshDatabaseUrl(dialect);
  const a = await prepared(importUrl);
  const b = await prepared(rawUrl);
  try {
    const out = createWriteStream(file);
    out.write('\uFEFF姓名,证件类型,证件号码,手机号,所属区域\r\n');
    for (const p of people(rows, a.streets)) {
      if (!out.write(`${p.name},居民身份证,${p.idNumber},${p.phone},${p.region}\r\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    // Raw: the same people stored as registration stores them, without a check.
    const raw = await timed(async () => {
      let batch: Person[] = [];
      let written = 0;
      const flush = async () => {
        const now = nowIso();
        const users = batch.map((p) => ({
          id: newId(),
          username: null,
          display_name: p.name,
          phone_enc: cipher.encrypt(p.phone),
          phone_hash: cipher.lookupHash('phone', p.phone),
          phone_masked: maskPhone(p.phone),
          password_hash: 'x',
          region_code: p.region,
          locale: 'zh-CN' as const,
          status: 'active' as const,
          created_at: now,
        }));
        await b.database.db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(users).execute();
          await trx
            .insertInto('volunteers')
            .values(
              batch.map((p, i) => ({
                id: newId(),
                user_id: users[i]?.id as string,
                // Unique across the run (a code per batch position would repeat from batch to batch).
                volunteer_code: `V${String(written + i).padStart(11, '0')}`,
                national_code: null,
                name: p.name,
                id_type: 'resident_id' as const,
                id_number_enc: cipher.encrypt(p.idNumber),
                id_number_hash: cipher.lookupHash('id:resident_id', p.idNumber),
                id_number_masked: maskIdNumber('resident_id', p.idNumber),
                birth_year: Number(p.idNumber.slice(6, 10)),
                gender: null,
                region_code: p.region,
                skills: '[]',
                fields: '[]',
                availability: '[]',
                status: 'active' as const,
                registered_at: now,
                updated_at: now,
              })),
            )
            .execute();
        });
        written += batch.length;
        batch = [];
      };
      for (const p of people(rows, b.streets)) {
        batch.push(p);
        if (batch.length === 250) await flush();
      }
      if (batch.length > 0) await flush();
    });

    // The import as a city's admin runs it: the file uploaded to a served process (the build),
    // which runs it in its import thread; timed from the upload to the import's end, and the
    // server's own peak RSS read from the kernel once it has finished.
    await a.database.close();
    const server = await startShanmei(importUrl);
    try {
      const idleRssMb = processRssMb(server.child.pid, 'VmRSS');
      const imported = await timed(() => uploadAndWait(server.url, file));
      return {
        rows,
        importRate: rows / imported.seconds,
        rawRate: rows / raw.seconds,
        importPeakRssMb: processRssMb(server.child.pid, 'VmHWM') ?? Number.NaN,
        serverIdleRssMb: idleRssMb ?? Number.NaN,
        accepted: imported.result.accepted,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await a.database.close().catch(() => undefined);
    await b.database.close();
    await removeDatabase(importUrl);
    await removeDatabase(rawUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}
