import { sql, type ExpressionBuilder } from 'kysely';
import type { ActivityStatus } from '../../../common/contract/activities.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ActivityRow } from './activities.repository.js';

export interface SearchFilter {
  /** Words each of which must appear in the title, description, address or organisation name. */
  words?: string[];
  /** With `now`: only activities with a shift that takes sign-ups and has a place left. */
  hasPlaces?: boolean;
  /** The clock's now, for what still takes sign-ups. */
  now: string;
  field?: string;
  from?: string;
  to?: string;
  organisationId?: string;
  projectId?: string;
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
}

/** A LIKE pattern matching `word` anywhere, its `%`, `_` and `!` taken literally (escaped with `!`). */
export const containsPattern = (word: string): string => `%${word.toLowerCase().replace(/[!%_]/g, '!$&')}%`;

type Eb = ExpressionBuilder<DB, 'activities' | 'organisations'>;
const SEARCHED = ['activities.title', 'activities.description', 'activities.address', 'organisations.name'] as const;

/** One word in any searched column: lower() on both sides, so Latin letters match in any case on both dialects. */
const wordMatches = (eb: Eb, word: string) =>
  eb.or(SEARCHED.map((col) => sql<boolean>`lower(${sql.ref(col)}) like ${containsPattern(word)} escape '!'`));

/** A shift that still takes sign-ups at `now`: open, before its deadline (else its end), as `takesSignups` says. */
const takesSignupsAt = (now: string) => (s: ExpressionBuilder<DB, 'shifts'>) =>
  s.and([s('shifts.status', '=', 'open'), s(s.fn.coalesce('shifts.signup_deadline', 'shifts.end_at'), '>', now)]);

/** The shifts of the activity in the outer query, for an EXISTS. */
const shiftsOfActivity = (eb: Eb) =>
  eb.selectFrom('shifts').select('shifts.id').whereRef('shifts.activity_id', '=', 'activities.id');

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
        shiftsOfActivity(eb)
          .where('shifts.status', '<>', 'cancelled')
          .$if(!!from, (s) => s.where('shifts.end_at', '>', from as string))
          .$if(!!to, (s) => s.where('shifts.start_at', '<', to as string)),
      ),
    );
  }
  for (const word of f.words ?? []) q = q.where((eb) => wordMatches(eb, word));
  if (f.hasPlaces) {
    q = q.where((eb) =>
      eb.exists(shiftsOfActivity(eb).whereRef('shifts.taken', '<', 'shifts.capacity').where(takesSignupsAt(f.now))),
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

/**
 * Places left per activity over its shifts that take sign-ups at `now`: what `placesLeft`
 * (src/common/activity-status.ts) counts, in SQL for a page of list items.
 */
export async function placesLeftOf(db: Db, activityIds: string[], now: string): Promise<Map<string, number>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shifts')
    .select([
      'shifts.activity_id',
      sql<number | string>`sum(case when capacity > taken then capacity - taken else 0 end)`.as('places'),
    ])
    .where('shifts.activity_id', 'in', activityIds)
    .where(takesSignupsAt(now))
    .groupBy('shifts.activity_id')
    .execute();
  return new Map(rows.map((r) => [r.activity_id, toNumber(r.places)]));
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
