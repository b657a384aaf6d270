import { Migrator, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { migrateToLatest } from '../migrator.js';
import { migrations } from './index.js';

/** The database as it stood before the migration, with rows written the old way. */
describe.each(DIALECTS)('migration 070 (personal data at rest) over old rows on %s', (dialect) => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect, { migrate: false });
    const migrator = new Migrator({
      db: tdb.db,
      provider: { getMigrations: () => Promise.resolve(migrations as Record<string, Migration>) },
    });
    const { error } = await migrator.migrateTo('2026-11-29-060-statistics-indexes');
    if (error) throw error;
    // Written through an untyped handle: these columns are gone from today's schema types.
    const db = tdb.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto('regions').values({ code: '500103', name: '渝中区', level: 'district', depth: 0 }).execute();
    const person = (n: number, masked: string, birth: string | null) => ({
      id: `v${n}`,
      user_id: `u${n}`,
      volunteer_code: `SM${n}`,
      name: '旧数据',
      id_type: birth ? 'resident_id' : 'passport',
      id_number_enc: 'sealed',
      id_number_hash: `h${n}`,
      id_number_masked: masked,
      birth_date: birth,
      gender: birth ? 'male' : null,
      region_code: '500103',
      registered_at: '2026-11-30T00:00:00.000Z',
      updated_at: '2026-11-30T00:00:00.000Z',
    });
    for (const n of [1, 2]) {
      await db
        .insertInto('users')
        .values({ id: `u${n}`, display_name: '旧数据', password_hash: 'x', created_at: '2026-11-30T00:00:00.000Z' })
        .execute();
    }
    await db
      .insertInto('volunteers')
      .values(person(1, '500***********1234', '1990-03-07'))
      .execute();
    await db
      .insertInto('volunteers')
      .values(person(2, 'E******78', null))
      .execute();
    await migrateToLatest(tdb.db);
  });
  afterAll(() => tdb.drop());

  it('re-masks to the first and last character and keeps the birth year only', async () => {
    const rows = await tdb.db
      .selectFrom('volunteers')
      .select(['id', 'id_number_masked', 'birth_year'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => ({ ...r, birth_year: r.birth_year === null ? null : Number(r.birth_year) }))).toEqual([
      { id: 'v1', id_number_masked: '5****************4', birth_year: 1990 },
      { id: 'v2', id_number_masked: 'E*******8', birth_year: null },
    ]);
  });

  it('drops the birth date column', async () => {
    const row = await tdb.db.selectFrom('volunteers').selectAll().where('id', '=', 'v1').executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain('birth_date');
  });
});
