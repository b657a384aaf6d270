import { toNumber, type Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** Pending service records of the organisations in the scope: what their admins have to confirm. */
export async function countPendingRecords(db: Db, scope: CountScope): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('service_records.status', '=', 'pending')
    .where(inScope(scope, { organisation: 'service_records.organisation_id' }))
    .executeTakeFirst();
  return toNumber(row?.n);
}
