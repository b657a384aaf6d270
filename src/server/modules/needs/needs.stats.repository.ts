import type { Db } from '../../db/database.js';

/** Which needs the statistics count: posted in [from, to) in the subtree of `regionCode`, of one type and site if asked. */
export interface StatsScope {
  regionCode: string;
  from: string;
  to: string;
  type?: string | undefined;
  siteId?: string | undefined;
}

const scoped = (db: Db, s: StatsScope) => {
  let q = db
    .selectFrom('needs as n')
    .innerJoin('region_closure as c', 'c.descendant', 'n.region_code')
    .where('c.ancestor', '=', s.regionCode)
    .where('n.created_at', '>=', s.from)
    .where('n.created_at', '<', s.to);
  if (s.type !== undefined) q = q.where('n.type', '=', s.type);
  if (s.siteId !== undefined) q = q.where('n.site_id', '=', s.siteId);
  return q;
};

/** The needs counted, with the site that handled each (its name too). */
export async function needsForStats(db: Db, s: StatsScope) {
  return scoped(db, s)
    .leftJoin('sites as st', 'st.id', 'n.site_id')
    .select(['n.id', 'n.type', 'n.status', 'n.score', 'n.due_at', 'n.region_code', 'n.site_id', 'st.name as site_name'])
    .orderBy('n.id')
    .execute();
}

/** The timelines of those needs, each in order. */
export async function eventsForStats(db: Db, s: StatsScope) {
  return scoped(db, s)
    .innerJoin('need_events as e', 'e.need_id', 'n.id')
    .select(['e.need_id', 'e.kind', 'e.at'])
    .orderBy('e.need_id')
    .orderBy('e.id')
    .execute();
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
