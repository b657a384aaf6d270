import { Migrator, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { migrateToLatest } from '../migrator.js';
import { migrations } from './index.js';

/** Brand projects' honours kept as JSON before migration 350. */
describe.each(DIALECTS)("migration 350 (honours) over projects' JSON honours on %s", (dialect) => {
  let tdb: TestDatabase;
  const at = '2026-01-02T03:04:05.000Z';

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect, { migrate: false });
    const migrator = new Migrator({
      db: tdb.db,
      provider: { getMigrations: () => Promise.resolve(migrations as Record<string, Migration>) },
    });
    const { error } = await migrator.migrateTo('2026-12-07-290-expiry-window');
    if (error) throw error;
    const db = tdb.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto('regions')
      .values({ code: '500000', name: '重庆市', level: 'city', parent_code: null, kind: 'division', depth: 0 })
      .execute();
    await db
      .insertInto('organisations')
      .values({
        id: 'dept',
        name: '市文明办',
        kind: 'department',
        level: 'city',
        region_code: '500000',
        fields: '[]',
        status: 'active',
        created_at: at,
      })
      .execute();
    const project = (id: string, honours: string) => ({
      id,
      name: id,
      department_id: 'dept',
      field: 'culture',
      honours,
      created_at: at,
    });
    await db
      .insertInto('projects')
      .values([
        project(
          'p1',
          JSON.stringify([
            { title: '全国志愿服务优秀项目', year: 2024, awardedBy: '中央文明办' },
            { title: '重庆市最佳志愿服务项目' },
          ]),
        ),
        project('p2', '[]'),
        project('p3', 'not json'),
      ])
      .execute();
    await migrateToLatest(tdb.db);
  });
  afterAll(() => tdb.drop());

  it('copies every JSON honour into the table, without level or recorder, and drops the column', async () => {
    const rows = await tdb.db
      .selectFrom('honours')
      .select([
        'subject_kind',
        'subject_id',
        'region_code',
        'name',
        'level',
        'year',
        'issuer',
        'recorded_by',
        'recorded_at',
      ])
      .execute();
    const sorted = rows.sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(sorted.map((r) => ({ ...r, year: r.year === null ? null : Number(r.year) }))).toEqual([
      {
        subject_kind: 'project',
        subject_id: 'p1',
        region_code: '500000',
        name: '全国志愿服务优秀项目',
        level: null,
        year: 2024,
        issuer: '中央文明办',
        recorded_by: null,
        recorded_at: at,
      },
      {
        subject_kind: 'project',
        subject_id: 'p1',
        region_code: '500000',
        name: '重庆市最佳志愿服务项目',
        level: null,
        year: null,
        issuer: null,
        recorded_by: null,
        recorded_at: at,
      },
    ]);
    const columns = Object.keys((await tdb.db.selectFrom('projects').selectAll().executeTakeFirstOrThrow()) as object);
    expect(columns).not.toContain('honours');
  });
});
