import type { Db } from '../../db/database.js';

/** Whether any organisation exists: the demo loads only into a database without one. */
export async function databaseHoldsOrganisations(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
