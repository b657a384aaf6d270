/**
 * Every query of the statistics overview. Each one counts a table once, grouped by region
 * (through the region closure table: `ancestor IN (the chosen region, its children)`, so one
 * row of a record lands in the chosen region's total and in its child's figure) and, for flows,
 * by month bucket. Times are ISO-8601 UTC text on both dialects, so comparing them as text
 * compares instants.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ActivityStatus } from '../../../common/contract/activities.js';
import { toNumber, type Db } from '../../db/database.js';

/** What is counted: the regions rows are grouped under and an optional department. */
export interface StatsScope {
  /** The chosen region first, then its children: rows are grouped by the one they lie under. */
  regions: string[];
  departmentId?: string;
}

/**
 * Month buckets of the window: `bounds[0]` is its start, `bounds[n]` its end; bucket i runs
 * from bounds[i] to bounds[i + 1]. Bounds are generated ISO strings, never user text.
 */
export interface Buckets {
  bounds: string[];
}

/** Per region and bucket (-1 before the window, n at or after its end). */
export interface Bucketed<T> {
  region: string;
  bucket: number;
  values: T;
}

/**
 * The bucket a time column falls in, as a CASE over the month bounds. The bounds are inlined
 * as literals (they come from Date.toISOString(), never from the request) so that the same
 * expression can be grouped by on PostgreSQL.
 */
function bucketOf(column: string, b: Buckets): RawBuilder<number> {
  const whens = b.bounds.map((bound, i) => sql`when ${sql.ref(column)} < ${sql.lit(bound)} then ${sql.lit(i - 1)}`);
  return sql<number>`case ${sql.join(whens, sql` `)} else ${sql.lit(b.bounds.length - 1)} end`;
}

/**
 * Organisations under a department: the subtrees of the department itself and of every
 * organisation it supervises (`department_id`), through the organisation closure table.
 */
function departmentOrganisations(db: Db, departmentId: string) {
  return db
    .selectFrom('organisation_closure as doc')
    .select('doc.descendant')
    .where('doc.ancestor', 'in', (sub) =>
      sub
        .selectFrom('organisations as dept')
        .select('dept.id')
        .where((w) => w.or([w('dept.id', '=', departmentId), w('dept.department_id', '=', departmentId)])),
    );
}

const num = (v: unknown): number => toNumber(v);

/** Active volunteers per region and registration bucket. */
export async function volunteerCounts(db: Db, s: StatsScope, b: Buckets): Promise<Bucketed<{ n: number }>[]> {
  let q = db
    .selectFrom('volunteers as v')
    .innerJoin('region_closure as rc', 'rc.descendant', 'v.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('v.status', '=', 'active');
  const dept = s.departmentId;
  if (dept) {
    q = q.where(
      'v.id',
      'in',
      db
        .selectFrom('memberships as m')
        .select('m.volunteer_id')
        .where('m.status', '=', 'active')
        .where('m.organisation_id', 'in', departmentOrganisations(db, dept)),
    );
  }
  const rows = await q
    .select(['rc.ancestor as region', bucketOf('v.registered_at', b).as('bucket'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(['rc.ancestor', sql.ref('bucket')])
    .execute();
  return rows.map((r) => ({ region: r.region, bucket: num(r.bucket), values: { n: num(r.n) } }));
}

/** Active teams per region and level. */
export async function teamCounts(db: Db, s: StatsScope): Promise<{ region: string; level: string; n: number }[]> {
  let q = db
    .selectFrom('organisations as o')
    .innerJoin('region_closure as rc', 'rc.descendant', 'o.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('o.kind', '=', 'team')
    .where('o.status', '=', 'active');
  const dept = s.departmentId;
  if (dept) q = q.where('o.id', 'in', departmentOrganisations(db, dept));
  const rows = await q
    .select(['rc.ancestor as region', 'o.level', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['rc.ancestor', 'o.level'])
    .execute();
  return rows.map((r) => ({ region: r.region, level: r.level, n: num(r.n) }));
}

/** Active sites per region and type. */
export async function siteCounts(db: Db, s: StatsScope): Promise<{ region: string; type: string; n: number }[]> {
  let q = db
    .selectFrom('sites as st')
    .innerJoin('region_closure as rc', 'rc.descendant', 'st.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('st.status', '=', 'active');
  const dept = s.departmentId;
  if (dept) {
    q = q.where('st.organisation_id', 'in', departmentOrganisations(db, dept));
  }
  const rows = await q
    .select(['rc.ancestor as region', 'st.type', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['rc.ancestor', 'st.type'])
    .execute();
  return rows.map((r) => ({ region: r.region, type: r.type, n: num(r.n) }));
}

/** Activity statuses whose shifts took place: stored 'published' (running and finished are derived). */
const HELD: readonly ActivityStatus[] = ['published', 'running', 'finished'];

/**
 * Sessions and people served per region and month: shifts of held activities, not cancelled,
 * starting in [from, until).
 */
export async function sessionCounts(
  db: Db,
  s: StatsScope,
  b: Buckets,
  until: string,
): Promise<Bucketed<{ sessions: number; peopleServed: number }>[]> {
  const from = b.bounds[0] as string;
  let q = db
    .selectFrom('shifts as sh')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'a.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('a.status', 'in', HELD)
    .where('sh.status', '<>', 'cancelled')
    .where('sh.start_at', '>=', from)
    .where('sh.start_at', '<', until);
  const dept = s.departmentId;
  if (dept) {
    q = q.where('a.organisation_id', 'in', departmentOrganisations(db, dept));
  }
  const rows = await q
    .select([
      'rc.ancestor as region',
      bucketOf('sh.start_at', b).as('bucket'),
      (eb) => eb.fn.countAll().as('sessions'),
      (eb) => eb.fn.sum('sh.people_served').as('people'),
    ])
    .groupBy(['rc.ancestor', sql.ref('bucket')])
    .execute();
  return rows.map((r) => ({
    region: r.region,
    bucket: num(r.bucket),
    values: { sessions: num(r.sessions), peopleServed: num(r.people) },
  }));
}

/** Records (any status) that started in the window, placed where their activity took place. */
function recordsInWindow(db: Db, s: StatsScope, b: Buckets) {
  let q = db
    .selectFrom('service_records as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'a.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('r.start_at', '>=', b.bounds[0] as string)
    .where('r.start_at', '<', b.bounds[b.bounds.length - 1] as string);
  const dept = s.departmentId;
  if (dept) {
    q = q.where('r.organisation_id', 'in', departmentOrganisations(db, dept));
  }
  return q;
}

/** Confirmed minutes per region and month. */
export async function confirmedMinutes(db: Db, s: StatsScope, b: Buckets): Promise<Bucketed<{ minutes: number }>[]> {
  const rows = await recordsInWindow(db, s, b)
    .where('r.status', '=', 'confirmed')
    .select([
      'rc.ancestor as region',
      bucketOf('r.start_at', b).as('bucket'),
      (eb) => eb.fn.sum('r.minutes').as('minutes'),
    ])
    .groupBy(['rc.ancestor', sql.ref('bucket')])
    .execute();
  return rows.map((r) => ({ region: r.region, bucket: num(r.bucket), values: { minutes: num(r.minutes) } }));
}

/** Distinct volunteers with a confirmed record in the window, per region. */
export async function activeVolunteerCounts(db: Db, s: StatsScope, b: Buckets): Promise<Map<string, number>> {
  const rows = await recordsInWindow(db, s, b)
    .where('r.status', '=', 'confirmed')
    .select(['rc.ancestor as region', (eb) => eb.fn.count('r.volunteer_id').distinct().as('n')])
    .groupBy('rc.ancestor')
    .execute();
  return new Map(rows.map((r) => [r.region, num(r.n)]));
}

/**
 * Points earned for records that started in the window (whatever their status now), each
 * earning net of the wallet debit of its reversal, per region and month.
 */
export async function pointsIssued(db: Db, s: StatsScope, b: Buckets): Promise<Bucketed<{ points: number }>[]> {
  const rows = await recordsInWindow(db, s, b)
    .innerJoin('point_earnings as pe', 'pe.record_id', 'r.id')
    .select((eb) => {
      const reversed = eb
        .selectFrom('point_transactions as rt')
        .innerJoin('point_entries as re', 're.transaction_id', 'rt.id')
        .innerJoin('point_accounts as wa', 'wa.id', 're.account_id')
        .select((x) => x.fn.sum<number>('re.amount').as('back'))
        .whereRef('rt.reverses_id', '=', 'pe.transaction_id')
        .where('wa.kind', '=', 'wallet');
      return [
        'rc.ancestor as region',
        bucketOf('r.start_at', b).as('bucket'),
        eb.fn.sum(eb('pe.points', '+', eb.fn.coalesce(reversed, eb.lit(0)))).as('points'),
      ];
    })
    .groupBy(['rc.ancestor', sql.ref('bucket')])
    .execute();
  return rows.map((r) => ({ region: r.region, bucket: num(r.bucket), values: { points: num(r.points) } }));
}

/** Points of redemptions made in the window and not reversed, per supermarket region and month. */
export async function pointsRedeemed(db: Db, s: StatsScope, b: Buckets): Promise<Bucketed<{ points: number }>[]> {
  let q = db
    .selectFrom('redemptions as rd')
    .innerJoin('sites as st', 'st.id', 'rd.site_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'st.region_code')
    .where('rc.ancestor', 'in', s.regions)
    .where('rd.status', '<>', 'reversed')
    .where('rd.created_at', '>=', b.bounds[0] as string)
    .where('rd.created_at', '<', b.bounds[b.bounds.length - 1] as string);
  const dept = s.departmentId;
  if (dept) {
    q = q.where('st.organisation_id', 'in', departmentOrganisations(db, dept));
  }
  const rows = await q
    .select([
      'rc.ancestor as region',
      bucketOf('rd.created_at', b).as('bucket'),
      (eb) => eb.fn.sum('rd.points').as('points'),
    ])
    .groupBy(['rc.ancestor', sql.ref('bucket')])
    .execute();
  return rows.map((r) => ({ region: r.region, bucket: num(r.bucket), values: { points: num(r.points) } }));
}

/** The top of the region tree: the root with the smallest code (a city installation has one). */
export async function rootRegion(db: Db) {
  return db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', 'is', null)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
}

/** Whether an organisation of kind department has this id. */
export async function isDepartment(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('kind', '=', 'department')
    .executeTakeFirst();
  return !!row;
}
