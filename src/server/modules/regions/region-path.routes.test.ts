import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, REGIONS } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

describe.each(DIALECTS)('GET /api/v1/regions/:code/path on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());

  const get = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/regions/${code}/path` });

  it('answers a street with its district and city, root first, to anyone', async () => {
    const res = await get(REGIONS.jiefangbei);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: { code: string; name: string }[] }).items).toEqual([
      expect.objectContaining({ code: REGIONS.city, name: '重庆市', parentCode: null, level: 'city' }),
      expect.objectContaining({ code: REGIONS.yuzhong, name: '渝中区', parentCode: REGIONS.city }),
      expect.objectContaining({ code: REGIONS.jiefangbei, name: '解放碑街道', level: 'town' }),
    ]);
    expect((await get(REGIONS.city)).json()).toEqual({
      items: [expect.objectContaining({ code: REGIONS.city })],
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const res = await get('999999');
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await get('x'.repeat(21))).statusCode).toBe(400);
  });
});
