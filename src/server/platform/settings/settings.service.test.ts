import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { SETTINGS_TTL_MS, getSettings, setSetting } from './settings.service.js';

describe.each(DIALECTS)('settings kept per process (%s)', (dialect) => {
  let d: TestDatabase;
  afterEach(async () => {
    vi.restoreAllMocks();
    await d.drop();
  });

  it('shows a change made through this process at once, and one made elsewhere within the TTL', async () => {
    d = await createTestDatabase(dialect);
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    expect((await getSettings(d.db)).noShowLimit).not.toBe(7);

    await setSetting(d.db, 'noShowLimit', 7);
    expect((await getSettings(d.db)).noShowLimit).toBe(7);

    // Another process writes the table: this one answers from its copy until the TTL ends.
    await d.db.updateTable('settings').set({ value: '9' }).where('key', '=', 'noShowLimit').execute();
    expect((await getSettings(d.db)).noShowLimit).toBe(7);
    now += SETTINGS_TTL_MS - 1;
    expect((await getSettings(d.db)).noShowLimit).toBe(7);
    now += 2;
    expect((await getSettings(d.db)).noShowLimit).toBe(9);

    // Inside a transaction the settings are read afresh.
    await d.db.transaction().execute(async (trx) => {
      await trx.updateTable('settings').set({ value: '3' }).where('key', '=', 'noShowLimit').execute();
      expect((await getSettings(trx)).noShowLimit).toBe(3);
    });
  });
});
