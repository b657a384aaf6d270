import { toNumber, type Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** Sign-ups waiting for approval on shifts not yet over, at activities of the organisations in the scope. */
export async function countAwaitingApproval(db: Db, scope: CountScope, now: string): Promise<number> {
  const row = await db
    .selectFrom('signups')
    .innerJoin('shifts', 'shifts.id', 'signups.shift_id')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('signups.status', '=', 'applied')
    .where('signups.end_at', '>', now)
    .where(inScope(scope, { organisation: 'activities.organisation_id' }))
    .executeTakeFirst();
  return toNumber(row?.n);
}
