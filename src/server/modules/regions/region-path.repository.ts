import type { Db } from '../../db/database.js';

/** The region `code` and all its ancestors, root first (empty when the code is unknown). */
export async function regionPath(db: Db, code: string) {
  return db
    .selectFrom('region_closure')
    .innerJoin('regions', 'regions.code', 'region_closure.ancestor')
    .select(['regions.code', 'regions.name', 'regions.level', 'regions.parent_code', 'regions.kind'])
    .where('region_closure.descendant', '=', code)
    .orderBy('region_closure.depth', 'desc')
    .execute();
}
