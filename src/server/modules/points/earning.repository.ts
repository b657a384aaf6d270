import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { PointEarningsTable } from '../../db/schema.js';

/** What a record's earning depends on, read in the confirming transaction. */
export async function recordContext(db: Db, activityId: string, organisationId: string) {
  const activity = await db
    .selectFrom('activities')
    .select(['field', 'project_id', 'region_code', 'title'])
    .where('id', '=', activityId)
    .executeTakeFirst();
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'department_id'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return activity && org ? { activity, org } : null;
}

export async function volunteerState(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteers')
    .select(['user_id', 'confirmed_minutes', 'star_level'])
    .where('id', '=', volunteerId)
    .executeTakeFirst();
}

/** Confirmed records of the volunteer other than this one: none means this is the first service. */
export async function otherConfirmedRecords(db: Db, volunteerId: string, recordId: string): Promise<number> {
  const r = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'confirmed')
    .where('id', '!=', recordId)
    .executeTakeFirst();
  return toNumber(r?.n);
}

/** Points the volunteer earned (and still holds as earnings, i.e. not reversed) on a day or month. */
export async function earnedIn(db: Db, volunteerId: string, period: { day?: string; month?: string }): Promise<number> {
  let q = db
    .selectFrom('point_earnings as e')
    .select((eb) => eb.fn.sum<number>('e.points').as('s'))
    .where('e.volunteer_id', '=', volunteerId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('point_transactions as r')
            .select(sql<number>`1`.as('one'))
            .whereRef('r.reverses_id', '=', 'e.transaction_id'),
        ),
      ),
    );
  if (period.day) q = q.where('e.day', '=', period.day);
  if (period.month) q = q.where('e.month', '=', period.month);
  return toNumber((await q.executeTakeFirst())?.s);
}

export async function insertEarning(db: Db, row: PointEarningsTable): Promise<void> {
  await db.insertInto('point_earnings').values(row).execute();
}

export async function earningOfRecord(db: Db, recordId: string) {
  return db.selectFrom('point_earnings').selectAll().where('record_id', '=', recordId).executeTakeFirst();
}
