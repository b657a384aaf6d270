import type { Db } from '../../db/database.js';
import type { GuardiansTable } from '../../db/schema/foundation.js';

export type GuardianRow = GuardiansTable;

export const guardianOf = (db: Db, volunteerId: string): Promise<GuardianRow | undefined> =>
  db.selectFrom('guardians').selectAll().where('volunteer_id', '=', volunteerId).executeTakeFirst();

/** One guardian per volunteer: a new consent replaces the one before. */
export async function putGuardian(db: Db, row: GuardianRow): Promise<void> {
  await db.deleteFrom('guardians').where('volunteer_id', '=', row.volunteer_id).execute();
  await db.insertInto('guardians').values(row).execute();
}

export async function deleteGuardian(db: Db, volunteerId: string): Promise<void> {
  await db.deleteFrom('guardians').where('volunteer_id', '=', volunteerId).execute();
}

/** A pending minor becomes active once a guardian has consented; answers whether they were pending. */
export async function activatePending(db: Db, volunteerId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('volunteers')
    .set({ status: 'active', updated_at: at })
    .where('id', '=', volunteerId)
    .where('status', '=', 'pending_guardian')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
