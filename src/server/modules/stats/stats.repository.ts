/**
 * The reads of the statistics overview. Every figure comes from what was kept as it happened
 * (stats.keeping.ts): the folded rows of stats_flows and stats_stock, plus the deltas not yet
 * folded, added in the same statement so that a fold committing meanwhile neither hides nor
 * doubles them. Nothing here reads the records.
 */
import { sql, type RawBuilder } from 'kysely';
import { toNumber, type Db } from '../../db/database.js';
import { ALL_FIELDS, COUNTERS, type Counter } from './stats.deltas.js';

/** Where a window's days are kept: whole months at month grain, the rest day by day. */
export interface Periods {
  /** Whole local months YYYY-MM. */
  months: string[];
  /** Inclusive ranges of local days YYYY-MM-DD (the window's partial first and last months). */
  days: [string, string][];
  /** The window's first and last local day, inclusive. */
  first: string;
  last: string;
}

/** The counters the flows answer (last_served is read by volunteerTotals). */
export type FlowCounter = Exclude<Counter, 'last_served'>;
export const FLOW_COUNTERS = COUNTERS.filter((c): c is FlowCounter => c !== 'last_served');

export interface FlowRow extends Record<FlowCounter, number> {
  region: string;
  month: string;
  field: string;
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * The kept rows of the window's periods, one index search per grain and part (an OR of them
 * would search by region and department alone and read every period the region ever had).
 */
function keptRows(cols: RawBuilder<unknown>, where: RawBuilder<unknown>, p: Periods): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  const from = sql`select region_code as region, period, field, ${cols} from stats_flows where ${where}`;
  if (p.months.length > 0) parts.push(sql`${from} and grain = 'month' and period in (${list(p.months)})`);
  for (const [a, b] of p.days) parts.push(sql`${from} and grain = 'day' and period between ${a} and ${b}`);
  return parts.length > 0 ? sql.join(parts, sql` union all `) : sql`${from} and 1 = 0`;
}

/**
 * The flows of the window for everyone (department '') or one department: per region (each of
 * `regions`, its whole subtree) and local month (field ''), and per service field (month '') for
 * the first region.
 */
export async function flows(db: Db, regions: string[], department: string, p: Periods): Promise<FlowRow[]> {
  const cols = sql.join(FLOW_COUNTERS.map((c) => sql.ref(c)));
  const deltaCols = sql.join(FLOW_COUNTERS.map((c) => sql.ref(`d.${c}`)));
  const sums = sql.join(FLOW_COUNTERS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`));
  // One statement (a fold committing between two would hide or double the pending rows): per
  // region and month from the rows of every field together, then per field for the first region;
  // the pending deltas are added to both.
  const first = regions[0] ?? '';
  const rows = await sql<Record<string, unknown>>`
    with whole as (
      ${keptRows(cols, sql`region_code in (${list(regions)}) and department_id = ${department} and field = ${ALL_FIELDS}`, p)}
    ),
    fields as (
      ${keptRows(cols, sql`region_code = ${first} and department_id = ${department} and field not in ('', ${ALL_FIELDS})`, p)}
    ),
    pending as (
      select rc.ancestor as region, d.day as period, d.field, ${deltaCols} from stats_deltas d
      join region_closure rc on rc.descendant = d.region_code
      where rc.ancestor in (${list(regions)}) and d.department_id = ${department}
        and d.day between ${p.first} and ${p.last}
    )
    select region, substr(period, 1, 7) as month, '' as field, ${sums} from (
      select * from whole union all select * from pending
    ) x group by 1, 2
    union all
    select region, '' as month, field, ${sums} from (
      select * from fields union all select * from pending where region = ${first}
    ) y
    where region = ${first} and field <> '' group by region, field`.execute(db);
  return rows.rows.map((r) => {
    const row = { region: String(r.region), month: String(r.month), field: String(r.field) } as FlowRow;
    for (const c of FLOW_COUNTERS) row[c] = toNumber(r[c]);
    return row;
  });
}

export interface VolunteerTotals {
  region: string;
  volunteers: number;
  active: number;
}

/**
 * Volunteers active now per region subtree (where they live), all registrations summed, and
 * those among them whose latest confirmed service is in `activeFrom` (YYYY-MM) or later; for
 * everyone (department '') or a department's members.
 */
export async function volunteerTotals(
  db: Db,
  regions: string[],
  department: string,
  activeFrom: string,
): Promise<VolunteerTotals[]> {
  const rows = await sql<{ region: string; volunteers: unknown; active: unknown }>`
    select region, sum(registered) as volunteers,
           sum(case when month >= ${activeFrom} then last_served else 0 end) as active
    from (
      select region_code as region, period as month, registered, last_served from stats_flows
      where region_code in (${list(regions)}) and department_id = ${department} and grain = 'month' and field = ''
      union all
      select rc.ancestor, substr(d.day, 1, 7), d.registered, d.last_served from stats_deltas d
      join region_closure rc on rc.descendant = d.region_code
      where rc.ancestor in (${list(regions)}) and d.department_id = ${department} and d.field = ''
    ) x
    group by region`.execute(db);
  return rows.rows.map((r) => ({ region: r.region, volunteers: toNumber(r.volunteers), active: toNumber(r.active) }));
}

/** What exists now per region subtree and kind ('site:<type>', 'team:<level>'). */
export async function stock(db: Db, regions: string[], department: string) {
  const rows = await db
    .selectFrom('stats_stock')
    .select(['region_code as region', 'kind', 'n'])
    .where('region_code', 'in', regions)
    .where('department_id', '=', department)
    .execute();
  return rows.map((r) => ({ region: r.region, kind: r.kind, n: toNumber(r.n) }));
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

/**
 * Brand projects by service in a region subtree over whole local months (first to last,
 * inclusive), folded rows plus pending deltas in one statement; most minutes first.
 */
export async function topProjects(db: Db, region: string, first: string, last: string, limit: number) {
  const rows = await sql<{ project_id: string; sessions: unknown; participations: unknown; minutes: unknown }>`
    select project_id, sum(sessions) as sessions, sum(participations) as participations, sum(minutes) as minutes
    from (
      select project_id, sessions, participations, minutes from stats_projects
      where region_code = ${region} and month between ${first} and ${last}
      union all
      select d.project_id, d.sessions, d.participations, d.minutes from stats_deltas d
      join region_closure rc on rc.descendant = d.region_code
      where rc.ancestor = ${region} and d.project_id <> '' and d.department_id = ''
        and substr(d.day, 1, 7) between ${first} and ${last}
    ) x
    group by project_id
    having sum(participations) > 0
    order by sum(minutes) desc, sum(participations) desc, project_id
    limit ${limit}`.execute(db);
  const ids = rows.rows.map((r) => r.project_id);
  const names =
    ids.length === 0
      ? []
      : await db.selectFrom('projects').select(['id', 'name', 'department_id']).where('id', 'in', ids).execute();
  return rows.rows.flatMap((r) => {
    const p = names.find((n) => n.id === r.project_id);
    return p
      ? [
          {
            projectId: p.id,
            name: p.name,
            departmentId: p.department_id,
            sessions: toNumber(r.sessions),
            participations: toNumber(r.participations),
            minutes: toNumber(r.minutes),
          },
        ]
      : [];
  });
}

/** Check-ins in [start, end) at activities under each of `regions`. */
export async function checkInsByRegion(db: Db, regions: string[], start: string, end: string) {
  const rows = await db
    .selectFrom('attendance as at')
    .innerJoin('shifts as sh', 'sh.id', 'at.shift_id')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'a.region_code')
    .where('rc.ancestor', 'in', regions)
    .where('at.checked_in_at', '>=', start)
    .where('at.checked_in_at', '<', end)
    .select((eb) => ['rc.ancestor as region', eb.fn.countAll().as('n')])
    .groupBy('rc.ancestor')
    .execute();
  return new Map(rows.map((r) => [r.region, toNumber(r.n)]));
}

/** Check-ins in [start, end) under `region`, by UTC hour (YYYY-MM-DDTHH). */
export async function checkInsByHour(db: Db, region: string, start: string, end: string) {
  const hour = sql<string>`substr(at.checked_in_at, 1, 13)`;
  const rows = await db
    .selectFrom('attendance as at')
    .innerJoin('shifts as sh', 'sh.id', 'at.shift_id')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'a.region_code')
    .where('rc.ancestor', '=', region)
    .where('at.checked_in_at', '>=', start)
    .where('at.checked_in_at', '<', end)
    .select((eb) => [hour.as('hour'), eb.fn.countAll().as('n')])
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: String(r.hour), n: toNumber(r.n) }));
}

/** The latest check-ins in [start, end) under `region`: when, where and at what; never who. */
export async function latestCheckIns(db: Db, region: string, start: string, end: string, limit: number) {
  return db
    .selectFrom('attendance as at')
    .innerJoin('shifts as sh', 'sh.id', 'at.shift_id')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .innerJoin('region_closure as rc', 'rc.descendant', 'a.region_code')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .where('rc.ancestor', '=', region)
    .where('at.checked_in_at', '>=', start)
    .where('at.checked_in_at', '<', end)
    .select(['at.checked_in_at as at', 'a.region_code', 'r.name as region_name', 'a.title', 'a.field'])
    .orderBy('at.checked_in_at', 'desc')
    .limit(limit)
    .execute();
}
