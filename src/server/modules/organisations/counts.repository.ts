import { toNumber, type Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/** Active organisations in the scope: under its organisations or in its regions. */
export async function countOrganisations(db: Db, scope: CountScope): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisations.status', '=', 'active')
    .where(inScope(scope, { organisation: 'organisations.id', region: 'organisations.region_code' }))
    .executeTakeFirst();
  return toNumber(row?.n);
}
