/** The rows behind the kept volunteer counts: latest service month, department memberships. */
import type { Db } from '../../db/database.js';

/** The month (YYYY-MM) of the volunteer's latest confirmed service as kept, or null. */
export async function keptLastServed(db: Db, volunteerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stats_last_served')
    .select('month')
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
  return row?.month ?? null;
}

/** The month of the volunteer's latest confirmed record, read from the records. */
export async function latestConfirmedMonth(db: Db, volunteerId: string): Promise<string | null> {
  const latest = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.max('service_date').as('day'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return latest?.day ? String(latest.day).slice(0, 7) : null;
}

/** Stores `next` as the volunteer's last-served month where `stored` was (null: no row). */
export async function keepLastServed(
  db: Db,
  volunteerId: string,
  stored: string | null,
  next: string | null,
): Promise<void> {
  if (next === null) await db.deleteFrom('stats_last_served').where('volunteer_id', '=', volunteerId).execute();
  else if (stored === null)
    await db.insertInto('stats_last_served').values({ volunteer_id: volunteerId, month: next }).execute();
  else await db.updateTable('stats_last_served').set({ month: next }).where('volunteer_id', '=', volunteerId).execute();
}

/** What the counts need of a volunteer: where they live, when they registered, whether active. */
export const volunteerForCounts = (db: Db, volunteerId: string) =>
  db
    .selectFrom('volunteers')
    .select(['id', 'region_code', 'registered_at', 'status'])
    .where('id', '=', volunteerId)
    .executeTakeFirst();

/** The departments a volunteer is an active member in. */
export async function memberDepartments(db: Db, volunteerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stats_department_members')
    .select('department_id')
    .where('volunteer_id', '=', volunteerId)
    .where('n', '>', 0)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

/** How many active memberships the volunteer holds in the department (0 without a row). */
export async function membershipsIn(db: Db, volunteerId: string, departmentId: string): Promise<number> {
  const row = await db
    .selectFrom('stats_department_members')
    .select('n')
    .where('volunteer_id', '=', volunteerId)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
  return row ? Number(row.n) : 0;
}

/** Stores the count `after` where it was `before`: no row for 0. */
export async function keepMembershipsIn(
  db: Db,
  key: { volunteer_id: string; department_id: string },
  before: number,
  after: number,
): Promise<void> {
  if (after === 0) {
    await db
      .deleteFrom('stats_department_members')
      .where('volunteer_id', '=', key.volunteer_id)
      .where('department_id', '=', key.department_id)
      .execute();
  } else if (before === 0) {
    await db
      .insertInto('stats_department_members')
      .values({ ...key, n: after })
      .execute();
  } else {
    await db
      .updateTable('stats_department_members')
      .set({ n: after })
      .where('volunteer_id', '=', key.volunteer_id)
      .where('department_id', '=', key.department_id)
      .execute();
  }
}

/** Forgets every department membership count of the volunteer. */
export async function forgetMemberships(db: Db, volunteerId: string): Promise<void> {
  await db.deleteFrom('stats_department_members').where('volunteer_id', '=', volunteerId).execute();
}
