import type { Db } from '../../db/database.js';

/** The needs posted in [from, to) in the subtree of `regionCode`, of one type if asked. */
export async function needsForStats(db: Db, regionCode: string, from: string, to: string, type?: string) {
  let q = db
    .selectFrom('needs as n')
    .innerJoin('region_closure as c', 'c.descendant', 'n.region_code')
    .select(['n.id', 'n.type', 'n.status', 'n.score', 'n.due_at', 'n.region_code'])
    .where('c.ancestor', '=', regionCode)
    .where('n.created_at', '>=', from)
    .where('n.created_at', '<', to);
  if (type !== undefined) q = q.where('n.type', '=', type);
  return q.orderBy('n.id').execute();
}

/** The timelines of those needs, each in order. */
export async function eventsForStats(db: Db, regionCode: string, from: string, to: string, type?: string) {
  let q = db
    .selectFrom('need_events as e')
    .innerJoin('needs as n', 'n.id', 'e.need_id')
    .innerJoin('region_closure as c', 'c.descendant', 'n.region_code')
    .select(['e.need_id', 'e.kind', 'e.at'])
    .where('c.ancestor', '=', regionCode)
    .where('n.created_at', '>=', from)
    .where('n.created_at', '<', to);
  if (type !== undefined) q = q.where('n.type', '=', type);
  return q.orderBy('e.need_id').orderBy('e.id').execute();
}

/** The children of a region, each with the regions of its subtree among `codes`. */
export async function childOfRegions(db: Db, parentCode: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('regions as r')
    .innerJoin('region_closure as c', 'c.ancestor', 'r.code')
    .select(['r.code', 'r.name', 'c.descendant'])
    .where('r.parent_code', '=', parentCode)
    .where('c.descendant', 'in', [...new Set(codes)])
    .orderBy('r.code')
    .execute();
}
