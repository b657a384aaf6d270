import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { parseProvince } from '../../config.js';
import { childrenOf, countRegions } from '../regions/index.js';
import { seedRegionsIfNone } from './bootstrap.service.js';

describe.each(DIALECTS)('a new installation on %s', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(() => tdb.drop());

  it('starts with the regions of its province, once', async () => {
    expect(await countRegions(tdb.db)).toBe(0);
    const added = await seedRegionsIfNone(tdb.db, '500000');
    expect(added).toBeGreaterThan(1000);
    expect(await countRegions(tdb.db)).toBe(added);
    // 重庆市's districts are there for the registration form's first level.
    expect((await childrenOf(tdb.db, '500000')).map((r) => r.name)).toContain('渝中区');
    expect(await seedRegionsIfNone(tdb.db, '510000')).toBe(0);
  });
});

describe('SHANMEI_PROVINCE', () => {
  it('takes a province code of 2 or 6 digits and defaults to Chongqing', () => {
    expect(parseProvince(undefined)).toBe('500000');
    expect(parseProvince(' 51 ')).toBe('51');
    expect(parseProvince('510000')).toBe('510000');
    expect(() => parseProvince('500103')).toThrow(/SHANMEI_PROVINCE must be a province code/);
  });
});
