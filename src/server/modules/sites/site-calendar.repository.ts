import type { Db } from '../../db/database.js';

export interface SiteShiftRow {
  shift_id: string;
  activity_id: string;
  title: string;
  field: string;
  organisation_name: string;
  activity_status: string;
  first_start_at: string;
  last_end_at: string;
  shift_status: string;
  start_at: string;
  end_at: string;
  capacity: number;
  taken: number;
}

/**
 * Shifts of activities held at the site that overlap [from, to), earliest first, at most
 * `limit + 1` rows (one more tells the caller there are more). `publicOnly` keeps to
 * published activities and open shifts.
 */
export async function shiftsAtSite(
  db: Db,
  siteId: string,
  window: { from: string; to: string },
  publicOnly: boolean,
  limit: number,
): Promise<SiteShiftRow[]> {
  let q = db
    .selectFrom('shifts')
    .innerJoin('activities', 'activities.id', 'shifts.activity_id')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .select([
      'shifts.id as shift_id',
      'activities.id as activity_id',
      'activities.title',
      'activities.field',
      'organisations.name as organisation_name',
      'activities.status as activity_status',
      'activities.first_start_at',
      'activities.last_end_at',
      'shifts.status as shift_status',
      'shifts.start_at',
      'shifts.end_at',
      'shifts.capacity',
      'shifts.taken',
    ])
    .where('activities.site_id', '=', siteId)
    .where('shifts.start_at', '<', window.to)
    .where('shifts.end_at', '>', window.from);
  if (publicOnly) q = q.where('activities.status', '=', 'published').where('shifts.status', '!=', 'cancelled');
  return q
    .orderBy('shifts.start_at')
    .orderBy('shifts.id')
    .limit(limit + 1)
    .execute();
}
