/**
 * What keeping the statistics reads of the things it counts (activities, shifts, sites, the
 * region and organisation trees) and what it writes: pending deltas and the stock counters.
 */
import { toNumber, type Db } from '../../db/database.js';
import type { StatsDeltasTable } from '../../db/schema.js';
import { insertMany } from '../../platform/db.js';

/** Where an activity's service counts: its region, field, project and organisation. */
export const activityPlace = (db: Db, activityId: string) =>
  db
    .selectFrom('activities')
    .select(['region_code', 'field', 'project_id', 'organisation_id'])
    .where('id', '=', activityId)
    .executeTakeFirst();

/** How many confirmed records a shift has. */
export async function confirmedOfShift(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shift_id', '=', shiftId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return toNumber(row?.n);
}

export const shiftFacts = (db: Db, shiftId: string) =>
  db.selectFrom('shifts').select(['start_at', 'people_served']).where('id', '=', shiftId).executeTakeFirst();

/** A shift's start with its activity's place. */
export const shiftPlace = (db: Db, shiftId: string) =>
  db
    .selectFrom('shifts as sh')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .select(['sh.start_at', 'a.region_code', 'a.field', 'a.project_id', 'a.organisation_id'])
    .where('sh.id', '=', shiftId)
    .executeTakeFirst();

export const sitePlace = (db: Db, siteId: string) =>
  db.selectFrom('sites').select(['region_code', 'organisation_id']).where('id', '=', siteId).executeTakeFirst();

/** The region and every region above it (itself alone when the tree does not know it). */
export async function regionAndAncestors(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db.selectFrom('region_closure').select('ancestor').where('descendant', '=', regionCode).execute();
  return rows.length > 0 ? rows.map((a) => a.ancestor) : [regionCode];
}

/** Adds to the stock counters, a row per region and department. */
export async function addStock(
  db: Db,
  rows: { region_code: string; department_id: string; kind: string; n: number }[],
): Promise<void> {
  await db
    .insertInto('stats_stock')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['region_code', 'department_id', 'kind'])
        .doUpdateSet((eb) => ({ n: eb('stats_stock.n', '+', eb.ref('excluded.n')) })),
    )
    .execute();
}

/** An organisation's ancestors (itself included) with their kind and supervising department. */
export const organisationAncestors = (db: Db, organisationId: string) =>
  db
    .selectFrom('organisation_closure as oc')
    .innerJoin('organisations as o', 'o.id', 'oc.ancestor')
    .select(['o.id', 'o.kind', 'o.department_id'])
    .where('oc.descendant', '=', organisationId)
    .execute();

export async function insertDeltas(db: Db, rows: StatsDeltasTable[]): Promise<void> {
  await insertMany(db, 'stats_deltas', rows);
}
