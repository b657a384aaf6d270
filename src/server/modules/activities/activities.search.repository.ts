import type { ActivityStatus } from '../../../common/contract/activities.js';
import type { Db } from '../../db/database.js';
import type { ActivityRow } from './activities.repository.js';

export interface SearchFilter {
  field?: string;
  from?: string;
  to?: string;
  organisationId?: string;
  projectId?: string;
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
}

/** Published activities matching the filter; `from`/`to` ask for a shift inside the window. */
function published(db: Db, f: SearchFilter) {
  let q = db
    .selectFrom('activities')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .where('activities.status', '=', 'published');
  if (f.field) q = q.where('activities.field', '=', f.field);
  if (f.organisationId) q = q.where('activities.organisation_id', '=', f.organisationId);
  if (f.projectId) q = q.where('activities.project_id', '=', f.projectId);
  // The activity's span narrows first (indexed); the shift check makes it exact.
  if (f.from) q = q.where('activities.last_end_at', '>', f.from);
  if (f.to) q = q.where('activities.first_start_at', '<', f.to);
  if (f.from || f.to) {
    const { from, to } = f;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('shifts')
          .select('shifts.id')
          .whereRef('shifts.activity_id', '=', 'activities.id')
          .where('shifts.status', '<>', 'cancelled')
          .$if(!!from, (s) => s.where('shifts.end_at', '>', from as string))
          .$if(!!to, (s) => s.where('shifts.start_at', '<', to as string)),
      ),
    );
  }
  if (f.box) {
    q = q
      .where('activities.lat', '>=', f.box.minLat)
      .where('activities.lat', '<=', f.box.maxLat)
      .where('activities.lng', '>=', f.box.minLng)
      .where('activities.lng', '<=', f.box.maxLng);
  }
  return q;
}

/** A page in (first start, id) order after the cursor. */
export async function searchByTime(
  db: Db,
  f: SearchFilter,
  after: { s: string; id: string } | null,
  limit: number,
): Promise<ActivityRow[]> {
  let q = published(db, f).selectAll('activities').select('organisations.name as organisation_name');
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('activities.first_start_at', '>', after.s),
        eb.and([eb('activities.first_start_at', '=', after.s), eb('activities.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('activities.first_start_at')
    .orderBy('activities.id')
    .limit(limit + 1)
    .execute();
}

/** Positions only, for ranking by great-circle distance inside a bounding box. */
export async function searchPositions(db: Db, f: SearchFilter) {
  return published(db, f).select(['activities.id', 'activities.lat', 'activities.lng']).execute();
}

/** An organisation's activities for its console, drafts included, newest first. */
export async function activitiesOfOrganisation(
  db: Db,
  organisationId: string,
  status: ActivityStatus | undefined,
  beforeId: string | undefined,
  limit: number,
): Promise<ActivityRow[]> {
  let q = db
    .selectFrom('activities')
    .innerJoin('organisations', 'organisations.id', 'activities.organisation_id')
    .selectAll('activities')
    .select('organisations.name as organisation_name')
    .where('activities.organisation_id', '=', organisationId);
  if (status) q = q.where('activities.status', '=', status);
  if (beforeId) q = q.where('activities.id', '<', beforeId);
  return q
    .orderBy('activities.id', 'desc')
    .limit(limit + 1)
    .execute();
}
