import type { Db } from '../../db/database.js';
import type { NeedSlasTable } from '../../db/schema.js';

/** The region and its ancestors, nearest first, each with its own service times (null where none are set). */
export async function slaChain(db: Db, regionCode: string) {
  return db
    .selectFrom('region_closure as c')
    .leftJoin('need_slas as s', 's.region_code', 'c.ancestor')
    .select([
      'c.ancestor as region_code',
      'c.depth',
      's.review_minutes',
      's.dispatch_minutes',
      's.take_minutes',
      's.done_minutes',
    ])
    .where('c.descendant', '=', regionCode)
    .orderBy('c.depth')
    .execute();
}

export async function putSla(db: Db, row: NeedSlasTable): Promise<void> {
  const { region_code: _code, ...rest } = row;
  await db
    .insertInto('need_slas')
    .values(row)
    .onConflict((oc) => oc.column('region_code').doUpdateSet(rest))
    .execute();
}
