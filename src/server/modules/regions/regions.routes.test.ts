import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, REGIONS } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';

describe.each(DIALECTS)('GET /regions on %s', (dialect) => {
  let t: TestApp;
  let anon: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    anon = new Client(t.app);
  });
  afterAll(() => t.close());

  const names = (res: { json: () => { items: { code: string; name: string }[] } }) =>
    res.json().items.map((r) => `${r.code} ${r.name}`);

  it('lists the top level and the children of a parent, to anyone', async () => {
    expect(names(await anon.get('/api/v1/regions'))).toEqual(['500000 重庆市']);
    const children = await anon.get(`/api/v1/regions?parent=${REGIONS.yuzhong}`);
    expect(names(children)).toEqual(['500103003 解放碑街道']);
    expect((await anon.get('/api/v1/regions?parent=999999')).statusCode).toBe(404);
  });

  it('answers the regions named in codes, at any level, leaving unknown codes out', async () => {
    const res = await anon.get(
      `/api/v1/regions?codes=${REGIONS.xiaolongkan},${REGIONS.yuzhong},999999,${REGIONS.liangjiang},${REGIONS.yuzhong}`,
    );
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['500103 渝中区', '500106001 小龙坎街道', '500X01 两江新区']);
    expect(res.json().items[0]).toEqual({
      code: REGIONS.yuzhong,
      name: '渝中区',
      level: 'district',
      parentCode: REGIONS.city,
      kind: 'division',
    });
    expect(names(await anon.get('/api/v1/regions?codes=123456'))).toEqual([]);
  });

  it('takes 200 distinct codes and refuses 201', async () => {
    const codes = (n: number) => Array.from({ length: n }, (_, i) => String(600000 + i));
    const ok = await anon.get(`/api/v1/regions?codes=${[...codes(199), REGIONS.city].join(',')}`);
    expect(ok.statusCode).toBe(200);
    expect(names(ok)).toEqual(['500000 重庆市']);
    // Repeats count once.
    expect((await anon.get(`/api/v1/regions?codes=${[...codes(200), ...codes(5)].join(',')}`)).statusCode).toBe(200);
    const many = await anon.get(`/api/v1/regions?codes=${codes(201).join(',')}`);
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toContain('codes');
    expect(many.json().error.message).toContain('200');
  });

  it('documents the look-up in the OpenAPI document', async () => {
    const doc = (await anon.get('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    const params = doc.paths['/api/v1/regions']?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['parent', 'codes']));
    expect(doc.paths['/api/v1/volunteers/search']?.post).toBeDefined();
    expect(doc.paths['/api/v1/volunteers']?.get?.parameters?.map((p) => p.name)).toContain('q');
  });

  it.each([
    ['codes=', 'codes'],
    ['codes=500000,,500103', 'codes'],
    ['codes=500000;drop', 'codes'],
    [`codes=${'1'.repeat(21)}`, 'codes'],
    [`parent=${REGIONS.city}&codes=${REGIONS.yuzhong}`, 'not both'],
    ['code=500000', 'code'],
  ])('refuses ?%s with 400 naming the field', async (query, words) => {
    const res = await anon.get(`/api/v1/regions?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(words);
  });
});
