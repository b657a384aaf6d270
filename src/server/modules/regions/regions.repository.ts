import type { Db } from '../../db/database.js';
import type { RegionsTable } from '../../db/schema.js';

export type RegionInput = Pick<RegionsTable, 'code' | 'name' | 'level' | 'parent_code' | 'kind'> & {
  lat?: number | null;
  lng?: number | null;
};

const CHUNK = 500;

/**
 * Inserts regions (parents before children, in the order given) with their closure rows.
 * Codes already present are skipped, so a seed can run twice.
 */
export async function insertRegions(db: Db, nodes: RegionInput[]): Promise<number> {
  const existing = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const depthOf = new Map<string, number>();
  const ancestorsOf = new Map<string, { ancestor: string; depth: number }[]>();
  const fresh = nodes.filter((n) => !existing.has(n.code));
  if (fresh.length === 0) return 0;
  const parents = [
    ...new Set(fresh.map((n) => n.parent_code).filter((p): p is string => !!p && !fresh.some((f) => f.code === p))),
  ];
  for (let i = 0; i < parents.length; i += CHUNK) {
    const rows = await db
      .selectFrom('region_closure')
      .innerJoin('regions', 'regions.code', 'region_closure.descendant')
      .select([
        'region_closure.ancestor',
        'region_closure.descendant',
        'region_closure.depth',
        'regions.depth as nodeDepth',
      ])
      .where('region_closure.descendant', 'in', parents.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      depthOf.set(r.descendant, r.nodeDepth);
      const list = ancestorsOf.get(r.descendant) ?? [];
      list.push({ ancestor: r.ancestor, depth: r.depth });
      ancestorsOf.set(r.descendant, list);
    }
  }
  const regionRows: RegionsTable[] = [];
  const closureRows: { ancestor: string; descendant: string; depth: number }[] = [];
  for (const n of fresh) {
    const parentDepth = n.parent_code ? depthOf.get(n.parent_code) : undefined;
    if (n.parent_code && parentDepth === undefined) {
      throw new Error(`region ${n.code}: parent ${n.parent_code} is unknown`);
    }
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    const up = n.parent_code
      ? (ancestorsOf.get(n.parent_code) ?? []).map((a) => ({ ancestor: a.ancestor, depth: a.depth + 1 }))
      : [];
    const mine = [{ ancestor: n.code, depth: 0 }, ...up];
    depthOf.set(n.code, depth);
    ancestorsOf.set(n.code, mine);
    regionRows.push({
      code: n.code,
      name: n.name,
      level: n.level,
      parent_code: n.parent_code,
      kind: n.kind,
      depth,
      lat: n.lat ?? null,
      lng: n.lng ?? null,
    });
    for (const a of mine) closureRows.push({ ancestor: a.ancestor, descendant: n.code, depth: a.depth });
  }
  for (let i = 0; i < regionRows.length; i += CHUNK) {
    await db
      .insertInto('regions')
      .values(regionRows.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < closureRows.length; i += CHUNK) {
    await db
      .insertInto('region_closure')
      .values(closureRows.slice(i, i + CHUNK))
      .execute();
  }
  return regionRows.length;
}

export async function childrenOf(db: Db, parent: string | null) {
  let q = db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'kind']);
  q = parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent);
  return q.orderBy('code').execute();
}

/** The regions with these codes (unknown ones are left out), in code order. */
export async function regionsByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code', 'kind'])
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
}

export async function regionByCode(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code', 'kind', 'depth'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The codes from the root down to `code`, root first. */
export async function ancestorCodes(db: Db, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('region_closure')
    .select(['ancestor', 'depth'])
    .where('descendant', '=', code)
    .orderBy('depth', 'desc')
    .execute();
  return rows.map((r) => r.ancestor);
}

export async function countRegions(db: Db): Promise<number> {
  const r = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
