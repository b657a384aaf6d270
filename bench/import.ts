/**
 * P4: a volunteer register imported through the importer's own path (createImport, then
 * runImportInThread as the worker runs it: in a thread with a capped heap) next to a raw bulk
 * insert of the same people into a second database of the same dialect in the same run: users
 * and volunteers rows stored as registration stores them (encrypted, keyed hashes, masks), 500
 * a statement, a transaction per batch, no checks. Peak RSS is the kernel's high-water mark of
 * the process (its threads included) while each runs (or, without /proc, sampled every 50 ms).
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { maskIdNumber, maskPhone, residentIdCheckDigit } from '../src/common/id-numbers.js';
import { loadConfig } from '../src/server/config.js';
import { PersonalDataCipher } from '../src/server/crypto.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { newId, nowIso } from '../src/server/ids.js';
import { bootstrapAdmin, seedRegionsIfNone, seedServiceFields } from '../src/server/modules/bootstrap/index.js';
import { createImport } from '../src/server/modules/imports/index.js';
import type * as ImportsModule from '../src/server/modules/imports/index.js';
import { userByUsername } from '../src/server/modules/auth/index.js';
import { grantsOfUser } from '../src/server/platform/access/access.repository.js';
import { BENCH_SECRET, freshDatabaseUrl, removeDatabase, type Dialect } from './lib/server.js';

export interface ImportFigure {
  rows: number;
  importRate: number;
  rawRate: number;
  importPeakRssMb: number;
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
  await bootstrapAdmin(database.db, 'bench-admin-password');
  const streets = (
    await database.db.selectFrom('regions').select('code').where('level', '=', 'town').orderBy('code').execute()
  ).map((r) => r.code);
  return { database, streets };
}

/** The kernel's peak RSS of this process (VmHWM, MB), or null where /proc is not there. */
function peakRssMb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `fn`; answers its result, seconds and peak RSS (MB): the kernel's high-water mark, reset
 * before `fn` (writing 5 to /proc/self/clear_refs), so a peak between two samples counts too;
 * where that is not possible, the RSS sampled every 50 ms.
 */
async function measured<T>(fn: () => Promise<T>) {
  let reset = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    reset = true;
  } catch {
    // Not Linux, or not allowed: the samples alone.
  }
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    const hwm = reset ? peakRssMb() : null;
    const sampled = Math.max(peak, process.memoryUsage().rss) / 2 ** 20;
    return { result, seconds: (performance.now() - t0) / 1000, peakMb: Math.max(sampled, hwm ?? 0) };
  } finally {
    clearInterval(timer);
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
    const raw = await measured(async () => {
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

    const config = loadConfig({ ...process.env, DATABASE_URL: importUrl, SHANMEI_SECRET: BENCH_SECRET });
    const ctx = { config, database: a.database, cipher };
    const admin = await userByUsername(a.database.db, 'admin');
    if (!admin) throw new Error('no admin');
    const actor = {
      userId: admin.id,
      via: 'session' as const,
      sessionId: null,
      csrfToken: null,
      grants: await grantsOfUser(a.database.db, admin.id),
    };
    // The import thread as the server runs it: the build (`npm run bench` builds it first), not
    // the sources through tsx, whose loader would weigh on the thread's memory.
    const built = '../dist/server/modules/imports/index.js';
    const { runImportInThread } = (await import(built)) as typeof ImportsModule;
    const imported = await measured(async () => {
      const { id } = await createImport(ctx, actor, { kind: 'volunteers', allOrNothing: false }, { path: file });
      return runImportInThread(ctx, id, 'bench');
    });
    return {
      rows,
      importRate: rows / imported.seconds,
      rawRate: rows / raw.seconds,
      importPeakRssMb: imported.peakMb,
      accepted: imported.result?.accepted ?? 0,
    };
  } finally {
    await a.database.close();
    await b.database.close();
    await removeDatabase(importUrl);
    await removeDatabase(rawUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}
