/**
 * Folding the pending deltas into the kept statistics, rebuilding them from the records, and
 * checking the two agree (`shanmei stats rebuild | verify`).
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { GRANT_SOURCES } from '../../../common/points.js';
import { localDate } from '../../../common/zoned-time.js';
import { toNumber, type Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isPostgres } from '../../platform/db.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { ALL_FIELDS, COUNTERS } from './stats.deltas.js';

const counterList = sql.join(COUNTERS.map((c) => sql.ref(c)));
const sums = (from: string) => sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(`${from}.${c}`)})`));
const addUp = (table: string, columns: readonly string[]) =>
  sql.join(columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`));
const PROJECT_COUNTERS = ['sessions', 'participations', 'minutes'] as const;

/**
 * stats_flows rows from deltas `d`: every ancestor region (itself included), both grains, each
 * field and every field together (ALL_FIELDS).
 */
const flowsFrom = (deltas: RawBuilder<unknown>) => sql`
  insert into stats_flows (region_code, department_id, grain, period, field, ${counterList})
  select coalesce(rc.ancestor, d.region_code), d.department_id, g.grain,
         case when g.grain = 'day' then d.day else substr(d.day, 1, 7) end,
         case when f.whole = 1 then ${ALL_FIELDS} else d.field end, ${sums('d')}
  from ${deltas} d
  left join region_closure rc on rc.descendant = d.region_code
  cross join (select 'day' as grain union all select 'month' as grain) g
  cross join (select 0 as whole union all select 1 as whole) f
  group by 1, 2, 3, 4, 5
  on conflict (region_code, department_id, grain, period, field) do update set ${addUp('stats_flows', COUNTERS)}`;

/** stats_projects rows from deltas `d`: every ancestor region, per month, everyone's rows only. */
const projectsFrom = (deltas: RawBuilder<unknown>) => sql`
  insert into stats_projects (region_code, month, project_id, sessions, participations, minutes)
  select coalesce(rc.ancestor, d.region_code), substr(d.day, 1, 7), d.project_id,
         sum(d.sessions), sum(d.participations), sum(d.minutes)
  from ${deltas} d
  left join region_closure rc on rc.descendant = d.region_code
  where d.project_id <> '' and d.department_id = ''
  group by 1, 2, 3
  on conflict (region_code, month, project_id) do update set ${addUp('stats_projects', PROJECT_COUNTERS)}`;

/**
 * Moves every pending delta into stats_flows and stats_projects, in one transaction. On
 * PostgreSQL one statement takes the rows it deletes (a delta committed meanwhile stays for
 * the next fold); SQLite has one writer, so nothing slips in between its statements.
 */
export async function foldDeltas(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      with moved as (delete from stats_deltas returning *),
      flows as (${flowsFrom(sql`moved`)})
      ${projectsFrom(sql`moved`)}`.execute(db);
    return;
  }
  const run = async (trx: Db) => {
    await flowsFrom(sql`stats_deltas`).execute(trx);
    await projectsFrom(sql`stats_deltas`).execute(trx);
    await trx.deleteFrom('stats_deltas').execute();
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/** Organisations and the departments they lie under (the rule of departmentsOf, in SQL). */
const ORG_DEPARTMENTS = sql`org_departments as (
  select oc.descendant as organisation_id, o.id as department_id
    from organisation_closure oc join organisations o on o.id = oc.ancestor where o.kind = 'department'
  union
  select oc.descendant, o.department_id
    from organisation_closure oc join organisations o on o.id = oc.ancestor where o.department_id is not null)`;

/**
 * Runs an INSERT … SELECT once for everyone (department '') and once joined to the departments
 * of the organisation column `org`: `make(departmentExpr, joinClause)`.
 */
async function forEveryoneAndDepartments(
  trx: Db,
  org: string,
  make: (department: RawBuilder<unknown>, join: RawBuilder<unknown>) => RawBuilder<unknown>,
): Promise<void> {
  await make(sql`''`, sql``).execute(trx);
  await sql`with ${ORG_DEPARTMENTS} ${make(
    sql`od.department_id`,
    sql`join org_departments od on od.organisation_id = ${sql.ref(org)}`,
  )}`.execute(trx);
}

const DELTA_COLUMNS = sql`region_code, department_id, day, field, project_id`;
const grantSources = sql.join(GRANT_SOURCES.map((s) => sql`${s}`));

/** The quarter hour an ISO-8601 UTC time falls in, as text: '2026-07-01T04' and its quarter 0–3. */
const slotOf = (column: string) =>
  sql`substr(${sql.ref(column)}, 1, 13) || cast(cast(substr(${sql.ref(column)}, 15, 2) as integer) / 15 as text)`;

const QUARTER_MS = 15 * 60_000;

/**
 * A temporary table of the local day of each quarter hour (UTC) from the earliest to the latest
 * time the rebuild places on a day: every zone's offset is a whole number of quarter hours, so
 * a time's quarter hour lies in one local day, and SQL can look it up.
 */
async function localDaySlots(trx: Transaction<DB>, timeZone: string): Promise<void> {
  const bounds = await sql<{ lo: string | null; hi: string | null }>`
    select min(lo) as lo, max(hi) as hi from (
      select min(registered_at) as lo, max(registered_at) as hi from volunteers
      union all select min(created_at), max(created_at) from redemptions
      union all select min(start_at), max(start_at) from shifts
      union all select min(created_at), max(created_at) from point_transactions where source in (${grantSources})
    ) x`.execute(trx);
  await sql`create temporary table stats_local_days (slot text primary key, day text not null)`.execute(trx);
  const { lo, hi } = bounds.rows[0] ?? { lo: null, hi: null };
  if (!lo || !hi) return;
  const end = Date.parse(hi);
  let batch: { slot: string; day: string }[] = [];
  for (let t = Math.floor(Date.parse(lo) / QUARTER_MS) * QUARTER_MS; t <= end; t += QUARTER_MS) {
    const iso = new Date(t).toISOString();
    batch.push({
      slot: `${iso.slice(0, 13)}${Math.floor(Number(iso.slice(14, 16)) / 15)}`,
      day: localDate(iso, timeZone),
    });
    if (batch.length === 1000 || t + QUARTER_MS > end) {
      await sql`insert into stats_local_days (slot, day) values ${sql.join(
        batch.map((b) => sql`(${b.slot}, ${b.day})`),
      )}`.execute(trx);
      batch = [];
    }
  }
}

/**
 * Recomputes every kept statistic from the records, registrations, redemptions, sites and
 * teams, replacing what was kept. In the caller's transaction, or its own.
 */
export async function rebuildStats(db: Db): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => rebuildStats(trx));
  const trx = db as Transaction<DB>;
  const { timeZone } = await getSettings(trx);
  for (const t of [
    'stats_flows',
    'stats_projects',
    'stats_stock',
    'stats_last_served',
    'stats_department_members',
    'stats_deltas',
  ] as const) {
    await trx.deleteFrom(t).execute();
  }

  // Confirmed records: participations, minutes, and sessions of the records without a shift.
  await forEveryoneAndDepartments(
    trx,
    'r.organisation_id',
    (department, join) => sql`
    insert into stats_deltas (${DELTA_COLUMNS}, sessions, participations, minutes)
    select a.region_code, ${department}, r.service_date, a.field, coalesce(a.project_id, ''),
           sum(case when r.shift_id is null then 1 else 0 end), count(*), sum(r.minutes)
    from service_records r join activities a on a.id = r.activity_id ${join}
    where r.status = 'confirmed'
    group by 1, 2, 3, 4, 5`,
  );

  // Points earned, net of what a revocation took back from the wallet.
  await forEveryoneAndDepartments(
    trx,
    'r.organisation_id',
    (department, join) => sql`
    insert into stats_deltas (${DELTA_COLUMNS}, points_issued)
    select a.region_code, ${department}, r.service_date, a.field, coalesce(a.project_id, ''),
           sum(pe.points + coalesce((
             select sum(re.amount) from point_transactions rt
             join point_entries re on re.transaction_id = rt.id
             join point_accounts wa on wa.id = re.account_id
             where rt.reverses_id = pe.transaction_id and wa.kind = 'wallet'), 0))
    from point_earnings pe
    join service_records r on r.id = pe.record_id
    join activities a on a.id = r.activity_id ${join}
    group by 1, 2, 3, 4, 5`,
  );

  // Local days of times, in SQL: a table of quarter hours over the times to place.
  await localDaySlots(trx, timeZone);
  const onDay = (column: string) => sql`join stats_local_days ld on ld.slot = ${slotOf(column)}`;

  // Points a region's system account gave outside records (adjustments, honours), net of what
  // their reversals took back, at that region on the local day they were given (grant-stats.ts).
  await sql`
    insert into stats_deltas (${DELTA_COLUMNS}, points_issued)
    select pa.owner_id, '', ld.day, '', '', sum(
             (select sum(e.amount) from point_entries e join point_accounts a on a.id = e.account_id
              where e.transaction_id = t.id and a.kind = 'wallet')
           + coalesce((select sum(e.amount) from point_transactions r
              join point_entries e on e.transaction_id = r.id join point_accounts a on a.id = e.account_id
              where r.reverses_id = t.id and a.kind = 'wallet'), 0))
    from point_transactions t
    join point_entries pe on pe.transaction_id = t.id
    join point_accounts pa on pa.id = pe.account_id and pa.kind = 'system' ${onDay('t.created_at')}
    where t.source in (${grantSources})
    group by 1, 2, 3, 4, 5`.execute(trx);

  // Sessions: shifts with a confirmed record, on the local day they start.
  await forEveryoneAndDepartments(
    trx,
    'a.organisation_id',
    (department, join) => sql`
    insert into stats_deltas (${DELTA_COLUMNS}, sessions, people_served)
    select a.region_code, ${department}, ld.day, a.field, coalesce(a.project_id, ''),
           count(*), sum(coalesce(sh.people_served, 0))
    from shifts sh join activities a on a.id = sh.activity_id ${onDay('sh.start_at')} ${join}
    where exists (select 1 from service_records r where r.shift_id = sh.id and r.status = 'confirmed')
    group by 1, 2, 3, 4, 5`,
  );

  // Each volunteer's active memberships per department.
  await sql`
    with ${ORG_DEPARTMENTS}
    insert into stats_department_members (volunteer_id, department_id, n)
    select m.volunteer_id, od.department_id, count(*)
    from memberships m join org_departments od on od.organisation_id = m.organisation_id
    where m.status = 'active' group by 1, 2`.execute(trx);

  // Registrations of the volunteers active now, on their local day, for everyone and each
  // department they are a member in.
  await sql`
    insert into stats_deltas (${DELTA_COLUMNS}, registered)
    select v.region_code, '', ld.day, '', '', count(*)
    from volunteers v ${onDay('v.registered_at')} where v.status = 'active' group by 1, 2, 3, 4, 5`.execute(trx);
  await sql`
    insert into stats_deltas (${DELTA_COLUMNS}, registered)
    select v.region_code, dm.department_id, ld.day, '', '', count(*)
    from volunteers v join stats_department_members dm on dm.volunteer_id = v.id ${onDay('v.registered_at')}
    where v.status = 'active' group by 1, 2, 3, 4, 5`.execute(trx);

  // Redemptions not reversed, at their supermarket.
  await forEveryoneAndDepartments(
    trx,
    'st.organisation_id',
    (department, join) => sql`
    insert into stats_deltas (${DELTA_COLUMNS}, points_redeemed)
    select st.region_code, ${department}, ld.day, '', '', sum(rd.points)
    from redemptions rd join sites st on st.id = rd.site_id ${onDay('rd.created_at')} ${join}
    where rd.status <> 'reversed' group by 1, 2, 3, 4, 5`,
  );

  // Each volunteer's latest service month; the active ones count where they live.
  await sql`
    insert into stats_last_served (volunteer_id, month)
    select volunteer_id, substr(max(service_date), 1, 7) from service_records
    where status = 'confirmed' group by volunteer_id`.execute(trx);
  await sql`
    insert into stats_deltas (${DELTA_COLUMNS}, last_served)
    select v.region_code, '', ls.month || '-01', '', '', count(*)
    from stats_last_served ls join volunteers v on v.id = ls.volunteer_id
    where v.status = 'active' group by 1, 2, 3, 4, 5`.execute(trx);
  await sql`
    insert into stats_deltas (${DELTA_COLUMNS}, last_served)
    select v.region_code, dm.department_id, ls.month || '-01', '', '', count(*)
    from stats_last_served ls join volunteers v on v.id = ls.volunteer_id
    join stats_department_members dm on dm.volunteer_id = v.id
    where v.status = 'active' group by 1, 2, 3, 4, 5`.execute(trx);

  // What exists now: active sites per type and teams per level, at every ancestor region.
  for (const [source, org, kind, where] of [
    ['sites s', 's.organisation_id', sql`'site:' || s.type`, sql`s.status = 'active'`],
    ['organisations s', 's.id', sql`'team:' || s.level`, sql`s.status = 'active' and s.kind = 'team'`],
  ] as const) {
    await forEveryoneAndDepartments(
      trx,
      org,
      (department, join) => sql`
      insert into stats_stock (region_code, department_id, kind, n)
      select rc.ancestor, ${department}, ${kind}, count(*)
      from ${sql.raw(source)} join region_closure rc on rc.descendant = s.region_code ${join}
      where ${where}
      group by 1, 2, 3`,
    );
  }
  await sql`drop table stats_local_days`.execute(trx);
  await foldDeltas(trx);
}

export interface StatsVerifyReport {
  ok: boolean;
  /** What was kept and what the records say, where they differ (at most 20 of each table). */
  differences: string[];
}

class RollBack extends Error {}

/**
 * Folds what is pending, then rebuilds inside a transaction that is rolled back, and lists
 * every kept row (zeros left out) that the rebuild does not reproduce, and the other way round.
 */
export async function verifyStats(db: Db): Promise<StatsVerifyReport> {
  await foldDeltas(db);
  const differences: string[] = [];
  const tables = [
    [
      'stats_flows',
      sql`region_code, department_id, grain, period, field, ${counterList}`,
      sql.join(
        COUNTERS.map((c) => sql`${sql.ref(c)} <> 0`),
        sql` or `,
      ),
    ],
    [
      'stats_projects',
      sql`region_code, month, project_id, sessions, participations, minutes`,
      sql`sessions <> 0 or participations <> 0 or minutes <> 0`,
    ],
    ['stats_stock', sql`region_code, department_id, kind, n`, sql`n <> 0`],
    ['stats_last_served', sql`volunteer_id, month`, sql`true`],
    ['stats_department_members', sql`volunteer_id, department_id, n`, sql`n <> 0`],
  ] as const;
  try {
    await db.transaction().execute(async (trx) => {
      for (const [table, cols] of tables) {
        await sql`create temporary table ${sql.raw(`kept_${table}`)} as select ${cols} from ${sql.raw(table)}`.execute(
          trx,
        );
      }
      await rebuildStats(trx);
      for (const [table, cols, nonZero] of tables) {
        const kept = sql.raw(`kept_${table}`);
        const now = sql.raw(table);
        for (const [label, a, b] of [
          ['kept, not in the records', kept, now],
          ['in the records, not kept', now, kept],
        ] as const) {
          const rows = await sql<Record<string, unknown>>`
            select ${cols} from ${a} where ${nonZero} except select ${cols} from ${b} where ${nonZero}`.execute(trx);
          for (const r of rows.rows.slice(0, 20)) differences.push(`${table} ${label}: ${JSON.stringify(r)}`);
        }
      }
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  return { ok: differences.length === 0, differences };
}

/**
 * Counts the statistics from the records once, for a database that holds records, sites or
 * volunteers but no kept statistics yet (one from before they were kept). Answers whether it did.
 */
export async function buildStatsIfMissing(db: Db): Promise<boolean> {
  const kept = await db.selectFrom('stats_stock').select('kind').limit(1).executeTakeFirst();
  const flows = await db.selectFrom('stats_flows').select('grain').limit(1).executeTakeFirst();
  if (kept || flows) return false;
  const held = await sql<{ n: unknown }>`
    select (select count(*) from (select 1 from sites limit 1) s) + (select count(*) from (select 1 from volunteers limit 1) v)
         + (select count(*) from (select 1 from organisations limit 1) o) as n`.execute(db);
  if (toNumber(held.rows[0]?.n) === 0) return false;
  await rebuildStats(db);
  return true;
}
