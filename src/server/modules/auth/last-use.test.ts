import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { LastUse } from './last-use.js';

describe.each(DIALECTS)('last uses of sessions, written in batches, on %s', (dialect) => {
  let tdb: TestDatabase;
  const sessions: string[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const u = await makeUser(tdb.db, { username: 'last-use' });
    for (let i = 0; i < 3; i++) {
      const id = `session-${i}`;
      sessions.push(id);
      await tdb.db
        .insertInto('sessions')
        .values({
          id,
          user_id: u.id,
          csrf_token: 'x',
          created_at: '2026-01-01T00:00:00.000Z',
          expires_at: '2099-01-01T00:00:00.000Z',
        })
        .execute();
    }
  });
  afterAll(() => tdb.drop());

  const stored = async () =>
    Object.fromEntries(
      (await tdb.db.selectFrom('sessions').select(['id', 'last_seen_at']).orderBy('id').execute()).map((r) => [
        r.id,
        r.last_seen_at,
      ]),
    );

  it('writes nothing until flushed, answers what waits, then writes every noted time in one go', async () => {
    const w = new LastUse(tdb.db, (err) => {
      throw err;
    });
    w.session('session-0', '2026-03-01T08:00:00.000Z');
    w.session('session-1', '2026-03-01T08:00:01.000Z');
    // An earlier time noted later (a slow request) does not move the last use back.
    w.session('session-1', '2026-03-01T07:59:00.000Z');
    expect(w.sessionAt('session-1')).toBe('2026-03-01T08:00:01.000Z');
    expect((await stored())['session-0']).toBeNull();
    await w.flush();
    expect(await stored()).toEqual({
      'session-0': '2026-03-01T08:00:00.000Z',
      'session-1': '2026-03-01T08:00:01.000Z',
      'session-2': null,
    });
    expect(w.sessionAt('session-0')).toBeUndefined();
  });

  it('never writes an older time over a later one already stored (another process wrote it)', async () => {
    const w = new LastUse(tdb.db, () => undefined);
    w.session('session-0', '2026-02-01T00:00:00.000Z');
    w.session('session-2', '2026-03-02T00:00:00.000Z');
    await w.flush();
    const after = await stored();
    expect(after['session-0']).toBe('2026-03-01T08:00:00.000Z');
    expect(after['session-2']).toBe('2026-03-02T00:00:00.000Z');
  });

  it('loses no time noted while a write is under way', async () => {
    const w = new LastUse(tdb.db, () => undefined);
    w.session('session-0', '2026-04-01T00:00:00.000Z');
    const first = w.flush();
    w.session('session-0', '2026-04-01T00:00:05.000Z');
    await Promise.all([first, w.flush()]);
    expect((await stored())['session-0']).toBe('2026-04-01T00:00:05.000Z');
    expect(w.sessionAt('session-0')).toBeUndefined();
  });
});
