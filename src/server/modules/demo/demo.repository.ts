import type { Db } from '../../db/database.js';
import type { MembershipsTable } from '../../db/schema.js';

/** Whether any organisation exists: the demo loads only into a database without one. */
export async function databaseHoldsOrganisations(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

const CHUNK = 500;

/**
 * Team memberships in batches: the demo makes ~1,700 at once, and one round trip each is
 * what makes a load on PostgreSQL slow. (The organisations module inserts one at a time.)
 */
export async function insertMemberships(db: Db, rows: MembershipsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('memberships')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Volunteers other than `exceptId` in a fixed order (by volunteer code), at most 200. */
export async function volunteersExcept(db: Db, exceptId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('volunteers')
    .select('id')
    .where('id', '!=', exceptId)
    .orderBy('volunteer_code')
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

/** The account of a volunteer (the demo volunteer takes needs as themself). */
export async function userOfVolunteer(db: Db, volunteerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('volunteers').select('user_id').where('id', '=', volunteerId).executeTakeFirst();
  return row?.user_id ?? undefined;
}

/** A demo project by its name, with its leading department's region. */
export async function projectIdByName(db: Db, name: string): Promise<{ id: string; regionCode: string } | undefined> {
  const row = await db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.department_id')
    .select(['projects.id', 'organisations.region_code'])
    .where('projects.name', '=', name)
    .executeTakeFirst();
  return row && { id: row.id, regionCode: row.region_code };
}
