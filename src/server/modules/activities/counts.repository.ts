import { toNumber, type Db } from '../../db/database.js';
import { inScope, type CountScope } from '../../platform/access/scope.repository.js';

/**
 * Activities in the scope (by organiser, or by where they take place): drafts not yet
 * published, and published ones that have not ended.
 */
export async function countActivities(db: Db, scope: CountScope, now: string) {
  const rows = await db
    .selectFrom('activities')
    .select((eb) => ['activities.status', eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.and([
        inScope(scope, { organisation: 'activities.organisation_id', region: 'activities.region_code' }),
        eb.or([
          eb('activities.status', '=', 'draft'),
          eb.and([eb('activities.status', '=', 'published'), eb('activities.last_end_at', '>', now)]),
        ]),
      ]),
    )
    .groupBy('activities.status')
    .execute();
  const of = (status: string) => toNumber(rows.find((r) => r.status === status)?.n);
  return { drafts: of('draft'), open: of('published') };
}

/** Shifts held at a site (not cancelled) that start in [from, to). */
export async function countShiftsAtSite(db: Db, siteId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('shifts')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activities.site_id', '=', siteId)
    .where('activities.status', '!=', 'cancelled')
    .where('shifts.status', '!=', 'cancelled')
    .where('shifts.start_at', '>=', from)
    .where('shifts.start_at', '<', to)
    .executeTakeFirst();
  return toNumber(row?.n);
}
