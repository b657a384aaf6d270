import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/test-db.js';
import { compiledQuery } from './compiled.js';

describe.each(DIALECTS)('queries compiled once, on %s', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    await tdb.db
      .insertInto('settings')
      .values([
        { key: 'compiled.a', value: '"1"', updated_at: '2026-01-01T00:00:00.000Z' },
        { key: 'compiled.b', value: '"2"', updated_at: '2026-01-01T00:00:00.000Z' },
      ])
      .execute();
  });
  afterAll(() => tdb.drop());

  it('answers each call with its own values, inside a transaction too, and with values the query fixes', async () => {
    const byKey = compiledQuery((db, key: string) =>
      db.selectFrom('settings').select(['key', 'value']).where('key', '=', key).where('key', 'like', 'compiled.%'),
    );
    expect((await byKey(tdb.db, 'compiled.a')).rows).toEqual([{ key: 'compiled.a', value: '"1"' }]);
    expect((await byKey(tdb.db, 'compiled.b')).rows).toEqual([{ key: 'compiled.b', value: '"2"' }]);
    expect((await byKey(tdb.db, 'nothing')).rows).toEqual([]);
    const inside = await tdb.db.transaction().execute((trx) => byKey(trx, 'compiled.b'));
    expect(inside.rows).toEqual([{ key: 'compiled.b', value: '"2"' }]);
  });

  it('writes, and says how many rows it changed', async () => {
    const setValue = compiledQuery((db, key: string, value: string) =>
      db.updateTable('settings').set({ value }).where('key', '=', key),
    );
    const r = await setValue(tdb.db, 'compiled.a', '"3"');
    expect(Number(r.numAffectedRows)).toBe(1);
    expect(Number((await setValue(tdb.db, 'none', '"3"')).numAffectedRows)).toBe(0);
    const a = await tdb.db.selectFrom('settings').select('value').where('key', '=', 'compiled.a').executeTakeFirst();
    expect(a?.value).toBe('"3"');
  });

  it('refuses a query that does not carry an argument as a value (it would choose the shape)', async () => {
    const shaped = compiledQuery((db, key: string) =>
      key ? db.selectFrom('settings').select('key') : db.selectFrom('settings').select('value'),
    );
    await expect(shaped(tdb.db, 'x')).rejects.toThrow(/carry each of its 1 arguments/);
  });
});
