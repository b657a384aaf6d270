import { Migrator, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoIn } from '../../../../test/clock.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { migrateToLatest } from '../migrator.js';
import { migrations } from './index.js';

const DAY = 86_400_000;

/** Tokens made before migration 220: no end, no scope, anyone's. */
describe.each(DIALECTS)('migration 220 (token expiry) over old tokens on %s', (dialect) => {
  let tdb: TestDatabase;
  const made = { fresh: isoIn(-10 * DAY), old: isoIn(-200 * DAY) };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect, { migrate: false });
    const migrator = new Migrator({
      db: tdb.db,
      provider: { getMigrations: () => Promise.resolve(migrations as Record<string, Migration>) },
    });
    const { error } = await migrator.migrateTo('2026-12-06-210-ledger-bounds');
    if (error) throw error;
    const db = tdb.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const id of ['admin', 'volunteer']) {
      await db.insertInto('users').values({ id, display_name: id, password_hash: 'x', created_at: made.old }).execute();
    }
    await db
      .insertInto('role_grants')
      .values({
        id: 'g1',
        user_id: 'admin',
        role: 'region_admin',
        scope_type: 'region',
        scope_id: '500103',
        created_at: made.old,
      })
      .execute();
    const token = (id: string, user_id: string, created_at: string) => ({
      id,
      user_id,
      name: id,
      token_hash: `hash-${id}`,
      created_at,
    });
    await db
      .insertInto('api_tokens')
      .values([
        token('admin-fresh', 'admin', made.fresh),
        token('admin-old', 'admin', made.old),
        token('volunteer-fresh', 'volunteer', made.fresh),
      ])
      .execute();
    await migrateToLatest(tdb.db);
  });
  afterAll(() => tdb.drop());

  it('gives each token 90 days from its making, scope full, and revokes those of people who may make none', async () => {
    const rows = await tdb.db
      .selectFrom('api_tokens')
      .select(['id', 'scope', 'expires_at', 'revoked_at', 'last_used_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.scope, r.expires_at, r.revoked_at === null, r.last_used_at])).toEqual([
      ['admin-fresh', 'full', new Date(Date.parse(made.fresh) + 90 * DAY).toISOString(), true, null],
      ['admin-old', 'full', new Date(Date.parse(made.old) + 90 * DAY).toISOString(), true, null],
      ['volunteer-fresh', 'full', new Date(Date.parse(made.fresh) + 90 * DAY).toISOString(), false, null],
    ]);
  });
});
