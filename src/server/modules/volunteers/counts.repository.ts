import { toNumber, type Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** Volunteers registered in the scope's regions, closed accounts left out. */
export async function countVolunteers(db: Db, scope: CountScope): Promise<number> {
  const row = await db
    .selectFrom('volunteers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('volunteers.status', '!=', 'closed')
    .where(inScope(scope, { region: 'volunteers.region_code' }))
    .executeTakeFirst();
  return toNumber(row?.n);
}
