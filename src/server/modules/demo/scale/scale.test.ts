import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdNumber, maskIdNumber } from '../../../../common/id-numbers.js';
import { starLevelFor } from '../../../../common/settings.js';
import { addDays, localMidnight } from '../../../../common/zoned-time.js';
import { makePhone } from '../../../../../test/factories.js';
import { TEST_SECRET } from '../../../../../test/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../../test/test-db.js';
import { loadConfig, type Config } from '../../../config.js';
import { PersonalDataCipher } from '../../../crypto.js';
import { toNumber, type Db } from '../../../db/database.js';
import { verifyPassword } from '../../../platform/passwords.js';
import { verifyLedger } from '../../points/index.js';
import { verifyStats } from '../../stats/index.js';
import { idNamespace, isVolunteerCode, registerVolunteer } from '../../volunteers/index.js';
import { DEMO_PASSWORD } from '../demo.service.js';
import { seedScale, type ScaleResult } from './scale.generate.js';
import { FIGURE_SITE_TYPES, sizesFor } from './scale.sizes.js';

const FRACTION = 0.001;
const AS_OF = '2026-06-30';
const TIME_ZONE = 'Asia/Shanghai';
const sizes = sizesFor(FRACTION);
const quiet = { fraction: FRACTION, asOf: AS_OF, log: () => undefined };

const configFor = (tdb: TestDatabase): Config =>
  loadConfig({}, { databaseUrl: tdb.url, secret: TEST_SECRET, adminPassword: 'admin-password-for-tests' });

const count = async (db: Db, query: ReturnType<typeof sql<{ n: unknown }>>) =>
  toNumber((await query.execute(db)).rows[0]?.n);

/** Rows of the bulk that come out the same on every load with the same seed and date. */
async function sample(db: Db) {
  const volunteers = await db
    .selectFrom('volunteers')
    .select(['id', 'volunteer_code', 'name', 'id_number_enc', 'region_code', 'registered_at', 'confirmed_minutes'])
    .orderBy('registered_at')
    .limit(20)
    .execute();
  const cipher = new PersonalDataCipher(TEST_SECRET);
  const records = await db
    .selectFrom('service_records as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.volunteer_id', 'r.start_at', 'r.end_at', 'r.minutes', 'r.content', 'r.confirmed_at', 'o.name'])
    .orderBy('r.start_at')
    .orderBy('r.id')
    .limit(20)
    .execute();
  const totals = await sql<Record<string, unknown>>`
    select (select count(*) from service_records) as records,
           (select sum(points) from point_earnings) as earned,
           (select count(*) from redemptions) as redemptions,
           (select sum(points) from redemptions) as redeemed,
           (select count(*) from organisations) as organisations,
           (select count(*) from memberships) as memberships,
           (select count(*) from shifts) as shifts`.execute(db);
  return {
    volunteers: volunteers.map(({ id_number_enc, ...v }) => ({ ...v, idNumber: cipher.decrypt(id_number_enc) })),
    records,
    totals: Object.fromEntries(Object.entries(totals.rows[0] ?? {}).map(([k, v]) => [k, toNumber(v)])),
  };
}

describe.each(DIALECTS)('a generated city on %s', (dialect) => {
  let tdb: TestDatabase;
  let result: ScaleResult;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    result = await seedScale(tdb, configFor(tdb), quiet);
  }, 120_000);
  afterAll(async () => {
    await tdb.drop();
  });

  it('loads the demo first and adds the fraction of each figure', async () => {
    const { demo, summary } = result;
    expect(demo).not.toBeNull();
    expect(summary).toMatchObject({
      volunteers: sizes.volunteers,
      activities: sizes.activities,
      records: sizes.records,
    });
    const n = async (table: 'volunteers' | 'activities') =>
      toNumber(
        (
          await tdb.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('volunteers')).toBe((demo?.volunteers ?? 0) + sizes.volunteers);
    expect(await n('activities')).toBe((demo?.activities.activities ?? 0) + sizes.activities);
    const confirmed = await count(tdb.db, sql`select count(*) as n from service_records where status = 'confirmed'`);
    expect(confirmed).toBe((demo?.activities.records ?? 0) + sizes.records);
  });

  it('has the sites of each type the figures scale to, the demo’s counted, all active in real regions', async () => {
    const rows = await tdb.db
      .selectFrom('sites')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .groupBy('type')
      .execute();
    const byType = Object.fromEntries(rows.map((r) => [r.type, toNumber(r.n)]));
    const demoSites = result.demo?.sitesByType ?? {};
    for (const type of FIGURE_SITE_TYPES) {
      const demo = demoSites[type] ?? 0;
      // Generated redemptions need a generated supermarket, so one is added even when the demo's are enough.
      const expected =
        type === 'supermarket' ? demo + Math.max(sizes.sites[type] - demo, 1) : Math.max(sizes.sites[type], demo);
      expect([type, byType[type]]).toEqual([type, expected]);
    }
    expect(
      await count(
        tdb.db,
        sql`select count(*) as n from sites s where not exists (select 1 from regions r where r.code = s.region_code)`,
      ),
    ).toBe(0);
    expect(await count(tdb.db, sql`select count(*) as n from sites where status <> 'active'`)).toBe(0);
  });

  it('keeps the ledger: every balance, running balance and transaction reconciles', async () => {
    const report = await verifyLedger(tdb.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(result.summary.earnings).toBeGreaterThan(0);
    expect(result.summary.redemptions).toBeGreaterThan(0);
    // Every redemption's goods and stock moved with it.
    expect(
      await count(
        tdb.db,
        sql`select count(*) as n from redemptions r where r.points <> (select sum(i.qty * i.points_each) from redemption_items i where i.redemption_id = r.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        tdb.db,
        sql`select count(*) as n from goods g where g.stock <> (select sum(m.delta) from stock_movements m where m.goods_id = g.id)`,
      ),
    ).toBe(0);
  });

  it('keeps each volunteer’s confirmed minutes and star level equal to their confirmed records', async () => {
    const wrong = await count(
      tdb.db,
      sql`select count(*) as n from volunteers v where v.confirmed_minutes <>
            coalesce((select sum(r.minutes) from service_records r where r.volunteer_id = v.id and r.status = 'confirmed'), 0)`,
    );
    expect(wrong).toBe(0);
    const stars = await tdb.db
      .selectFrom('volunteers')
      .select(['confirmed_minutes', 'star_level'])
      .where('confirmed_minutes', '>', 0)
      .execute();
    expect(stars.every((v) => v.star_level === starLevelFor(v.confirmed_minutes))).toBe(true);
    // Every confirmed record earned through its rule: one earning each.
    const unearned = await count(
      tdb.db,
      sql`select count(*) as n from service_records r where r.status = 'confirmed'
            and not exists (select 1 from point_earnings e where e.record_id = r.id)`,
    );
    expect(unearned).toBe(0);
  });

  it('stores valid ID numbers encrypted, hashed and masked as registration does', async () => {
    const cipher = new PersonalDataCipher(TEST_SECRET);
    const rows = await tdb.db
      .selectFrom('volunteers')
      .select([
        'volunteer_code',
        'id_number_enc',
        'id_number_hash',
        'id_number_masked',
        'birth_year',
        'gender',
        'region_code',
      ])
      .orderBy('registered_at')
      .limit(300)
      .execute();
    for (const r of rows) {
      const idNumber = cipher.decrypt(r.id_number_enc);
      const check = checkIdNumber('resident_id', idNumber, new Date(`${AS_OF}T00:00:00Z`));
      expect(check.ok).toBe(true);
      if (!check.ok) continue;
      expect(r.id_number_hash).toBe(cipher.lookupHash(idNamespace('resident_id'), idNumber));
      expect(r.id_number_masked).toBe(maskIdNumber('resident_id', idNumber));
      expect([r.birth_year, r.gender]).toEqual([Number(check.birthDate?.slice(0, 4)), check.gender]);
      // The number starts with the district the person lives in.
      expect(r.region_code.startsWith(idNumber.slice(0, 6))).toBe(true);
      expect(isVolunteerCode(r.volunteer_code)).toBe(true);
    }
    const distinct = await count(tdb.db, sql`select count(distinct id_number_hash) as n from volunteers`);
    expect(distinct).toBe((result.demo?.volunteers ?? 0) + sizes.volunteers);
    // Registration hashes the same way: it finds the generated number taken.
    const first = rows[0];
    if (!first) throw new Error('no generated volunteer');
    await expect(
      registerVolunteer(
        { cipher },
        tdb.db,
        {
          name: '重复登记',
          idType: 'resident_id',
          idNumber: cipher.decrypt(first.id_number_enc),
          phone: makePhone(),
          password: 'a-long-enough-password',
          regionCode: first.region_code,
        },
        { passwordHash: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('gives generated people no usable password and leaves the demo accounts usable', async () => {
    const generated = await tdb.db
      .selectFrom('users as u')
      .innerJoin('volunteers as v', 'v.user_id', 'u.id')
      .select('u.password_hash')
      .orderBy('v.registered_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(generated.password_hash, DEMO_PASSWORD)).toBe(false);
    const teamAdmin = await tdb.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'team.admin')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(teamAdmin.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('places all generated service in the year before the reference date', async () => {
    const end = localMidnight(AS_OF, TIME_ZONE);
    const start = localMidnight(addDays(AS_OF, -365), TIME_ZONE);
    const span = await sql<{ first: string; last: string }>`
      select min(r.start_at) as first, max(r.confirmed_at) as last from service_records r
      where r.volunteer_id in (select v.id from volunteers v where v.registered_at < ${end})`.execute(tdb.db);
    const row = span.rows[0];
    expect(row && row.first >= start && row.last < end).toBe(true);
  });

  it('leaves the kept statistics as the records count them', async () => {
    const report = await verifyStats(tdb.db);
    expect(report.differences).toEqual([]);
  });

  it('refuses to load a second city into the same database', async () => {
    await expect(seedScale(tdb, configFor(tdb), quiet)).rejects.toThrow(/already holds a generated city/);
  });

  it.runIf(dialect === 'sqlite')('puts SQLite back as the app runs it: WAL, every foreign key sound', async () => {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(tdb.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const broken = await sql`pragma foreign_key_check`.execute(tdb.db);
    expect(broken.rows).toEqual([]);
  });

  it.runIf(dialect === 'sqlite')(
    'makes the same city from the same seed and reference date',
    async () => {
      const other = await createTestDatabase('sqlite');
      try {
        await seedScale(other, configFor(other), quiet);
        expect(await sample(other.db)).toEqual(await sample(tdb.db));
      } finally {
        await other.drop();
      }
    },
    60_000,
  );
});
